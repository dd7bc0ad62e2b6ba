import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { timerBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { agendaItems, meetings } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { meetingToRun } from './meetingScope.ts';

/**
 * Start, pause, resume or reset an agenda item's timer. The server's clock counts: a running
 * timer is stored as when it ends, a paused one as what is left.
 */
export function controlMeetingTimer(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  meetingId: string,
  { action, itemId, minutes }: z.output<typeof timerBody>,
): Promise<void> {
  return transact(ctx, async (tx) => {
    const found = await meetingToRun(tx, actor, meetingId);
    if (found.meeting.status !== 'live') throw new AppError('meeting_not_live');
    const [item] = await tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, found.meeting.id)));
    if (!item) throw notFound();
    const now = Date.now();
    const current = found.meeting.timer?.itemId === itemId ? found.meeting.timer : null;
    let timer = found.meeting.timer ?? null;
    if (action === 'start') {
      const ms = Math.round((minutes ?? item.minutes) * 60_000);
      timer = { itemId, endsAt: new Date(now + ms).toISOString(), remainingMs: ms };
    } else if (action === 'pause' && current?.endsAt) {
      timer = { itemId, endsAt: null, remainingMs: Math.max(0, Date.parse(current.endsAt) - now) };
    } else if (action === 'resume' && current && !current.endsAt) {
      timer = {
        itemId,
        endsAt: new Date(now + current.remainingMs).toISOString(),
        remainingMs: current.remainingMs,
      };
    } else if (action === 'reset') {
      timer = null;
    } else {
      throw new AppError('conflict', { message: `The timer cannot ${action} now.` });
    }
    await tx.update(meetings).set({ timer }).where(eq(meetings.id, found.meeting.id));
    await recordMeetingEvent(tx, actor, found, 'meeting.timer', { action, itemId, timer });
  });
}
