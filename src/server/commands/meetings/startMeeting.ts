import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { agendaItems, meetings } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordAttendance } from '../../meetings/attendance.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { type MeetingInCycle, participantsOf } from '../../meetings/load.ts';
import { mailInvitations } from '../../meetings/mail.ts';
import { notifyMeetingOpened } from '../../meetings/notify.ts';
import { moveCycleStage } from '../../planning/moveCycleStage.ts';
import { meetingToRun } from './meetingScope.ts';

/**
 * Open the room (or the fire-mode review): the cycle moves to its meeting stage, the one who
 * opens it facilitates, everyone looks at the first agenda item. A fire-mode review is mailed
 * to the client's side, who take part in writing.
 */
export async function startMeeting(
  ctx: Context,
  actor: Actor,
  meetingId: string,
  version: number,
): Promise<MeetingInCycle> {
  const found = await transact(ctx, async (tx) => {
    const found = await meetingToRun(tx, actor, meetingId, version);
    if (found.meeting.status !== 'scheduled')
      throw new AppError('conflict', { message: 'This meeting has already started.' });
    let cycle = found.cycle;
    if (cycle.stage === 'preparation')
      cycle = await moveCycleStage(tx, actor, found, 'meeting', cycle.version);
    const [first] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, found.meeting.id))
      .orderBy(agendaItems.position)
      .limit(1);
    const [row] = await tx
      .update(meetings)
      .set({
        status: 'live',
        startedAt: new Date(),
        facilitatorId: actor.user.id,
        facilitatorName: actor.user.name,
        focus: first
          ? { itemId: first.id, topicId: null, byName: actor.user.name, at: new Date().toISOString() }
          : null,
        version: found.meeting.version + 1,
      })
      .where(eq(meetings.id, found.meeting.id))
      .returning();
    // Whoever waits in the room as it opens has come to the meeting, like those who join later.
    const waiting = ctx.meetingRooms.people(found.meeting.id).filter((p) => p.state === 'online');
    await recordAttendance(
      tx,
      found.meeting.id,
      waiting.map(({ userId, name, side }) => ({ userId, name, side })),
    );
    const started = { ...found, cycle, meeting: row! };
    await recordMeetingEvent(tx, actor, started, 'meeting.started', { format: row!.format });
    // A fire-mode review's client participants get its invitation below; the rest are mailed here.
    const invited =
      row!.format === 'async'
        ? (await participantsOf(tx, row!.id)).filter((p) => p.side === 'client').map((p) => p.userId)
        : [];
    await notifyMeetingOpened(tx, actor, started, invited);
    return started;
  });
  ctx.meetingRooms.changed(found.meeting.id);
  if (found.meeting.format === 'async') {
    const people = (await participantsOf(ctx.db, found.meeting.id)).filter((p) => p.side === 'client');
    await mailInvitations(
      ctx,
      actor,
      found,
      people.map((p) => p.userId),
      false,
    );
  }
  return found;
}
