import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { agendaItems, meetings } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { itemForChange } from './agendaScope.ts';

/** Remove an agenda item from a meeting that has not ended. */
export function removeAgendaItem(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  itemId: string,
): Promise<void> {
  return transact(ctx, async (tx) => {
    const { found, item } = await itemForChange(tx, actor, itemId);
    await tx.delete(agendaItems).where(and(eq(agendaItems.id, item.id)));
    // A timer or focus on the removed item goes with it.
    if (found.meeting.timer?.itemId === item.id) {
      await tx.update(meetings).set({ timer: null }).where(eq(meetings.id, found.meeting.id));
    }
    await recordMeetingEvent(tx, actor, found, 'agenda.changed', { itemId: item.id, removed: true });
  });
}
