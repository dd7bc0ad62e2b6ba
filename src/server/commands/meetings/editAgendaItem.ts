import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateAgendaItemBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { agendaItems } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { type AgendaItemRow, itemForChange } from './agendaScope.ts';

/** Rename, re-time or move an agenda item (a stale version answers 409). */
export function editAgendaItem(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  itemId: string,
  input: z.output<typeof updateAgendaItemBody>,
): Promise<AgendaItemRow> {
  return transact(ctx, async (tx) => {
    const { found, item } = await itemForChange(tx, actor, itemId, input.version);
    const { version, ...changes } = input;
    const [row] = await tx
      .update(agendaItems)
      .set({ ...changes, version: version + 1 })
      .where(eq(agendaItems.id, item.id))
      .returning();
    await recordMeetingEvent(tx, actor, found, 'agenda.changed', { itemId: item.id });
    return row!;
  });
}
