import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateMeetingBody } from '../../../shared/api/meetings.ts';
import { localParts, zonedInstant } from '../../../shared/time.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { meetings } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { type MeetingInCycle, participantsOf } from '../../meetings/load.ts';
import { mailInvitations } from '../../meetings/mail.ts';
import { setParticipants, sidesOf } from '../../meetings/schedule.ts';
import { meetingToRun } from './meetingScope.ts';

/**
 * Reschedule or change the meeting until it ends. New participants are invited; when the time
 * moves, everyone still invited hears again (the same calendar UID, so their entry moves).
 */
export async function changeMeeting(
  ctx: Context,
  actor: Actor,
  meetingId: string,
  input: z.output<typeof updateMeetingBody>,
): Promise<MeetingInCycle> {
  const { version, participantIds, date, time, ...rest } = input;
  const { found, invite, moved } = await transact(ctx, async (tx) => {
    const before = await meetingToRun(tx, actor, meetingId, version);
    if (before.meeting.status === 'ended')
      throw new AppError('conflict', { message: 'This meeting has ended.' });
    const local = localParts(before.meeting.startsAt, before.client.timezone);
    const invited = (await participantsOf(tx, before.meeting.id)).map((p) => p.userId);
    const startsAt = zonedInstant(date ?? local.date, time ?? local.time, before.client.timezone);
    const moved = startsAt.getTime() !== before.meeting.startsAt.getTime();
    const [row] = await tx
      .update(meetings)
      .set({ ...rest, startsAt, version: version + 1 })
      .where(eq(meetings.id, before.meeting.id))
      .returning();
    const found = { ...before, meeting: row! };
    const added = participantIds
      ? await setParticipants(tx, row!.id, await sidesOf(tx, found.client, participantIds))
      : [];
    await recordMeetingEvent(tx, actor, found, 'meeting.updated', { moved });
    const everyone = moved ? invited : [];
    const keep = new Set(participantIds ?? invited);
    return { found, invite: [...new Set([...everyone.filter((id) => keep.has(id)), ...added])], moved };
  });
  await mailInvitations(ctx, actor, found, invite, moved);
  return found;
}
