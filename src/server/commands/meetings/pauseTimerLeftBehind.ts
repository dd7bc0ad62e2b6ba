import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { meetings } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canFocus } from '../../policies/meeting.ts';

/**
 * Only the item the room is on has a running timer: when the facilitator moves the focus to
 * another agenda item, the timer left running on the previous one pauses with what is left,
 * and everyone hears it as a `meeting.timer` pause the server made (`because: 'focus_moved'`).
 * Answers whether it paused one. Re-read under the meeting's lock: a timer started or paused
 * since the focus was checked is judged as it stands now.
 */
export function pauseTimerLeftBehind(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  meetingId: string,
  focusedItemId: string,
): Promise<boolean> {
  return transact(ctx, async (tx) => {
    const found = await loadMeetingForChange(tx, actor, meetingId, (a, _client, _cycle, meeting) =>
      canFocus(a, meeting),
    );
    const running = found.meeting.timer;
    if (!running?.endsAt || running.itemId === focusedItemId) return false;
    const timer = {
      itemId: running.itemId,
      endsAt: null,
      remainingMs: Math.max(0, Date.parse(running.endsAt) - Date.now()),
    };
    await tx.update(meetings).set({ timer }).where(eq(meetings.id, found.meeting.id));
    await recordMeetingEvent(tx, actor, found, 'meeting.timer', {
      action: 'pause',
      itemId: running.itemId,
      timer,
      because: 'focus_moved',
    });
    return true;
  });
}
