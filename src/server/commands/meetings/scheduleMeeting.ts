import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { scheduleMeetingBody } from '../../../shared/api/meetings.ts';
import { zonedInstant } from '../../../shared/time.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { meetings } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import type { MeetingInCycle } from '../../meetings/load.ts';
import { mailInvitations } from '../../meetings/mail.ts';
import { addStandardAgenda, setParticipants, sidesOf } from '../../meetings/schedule.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { canRunMeeting } from '../../policies/meeting.ts';

/**
 * Schedule the cycle's one meeting (or, with format "async", prepare a fire-mode review) with
 * the standard agenda, and invite the participants once it is stored.
 */
export async function scheduleMeeting(
  ctx: Context,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof scheduleMeetingBody>,
): Promise<MeetingInCycle> {
  const { found, invite } = await transact(ctx, async (tx) => {
    const plan = await loadCycleForChange(tx, actor, cycleId, canRunMeeting);
    const [existing] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.cycleId, plan.cycle.id));
    if (existing) throw new AppError('meeting_exists');
    if (plan.cycle.stage !== 'preparation' && plan.cycle.stage !== 'meeting') {
      throw new AppError('conflict', { message: 'This month is past its meeting stage.' });
    }
    const people = await sidesOf(tx, plan.client, input.participantIds);
    const [row] = await tx
      .insert(meetings)
      .values({
        cycleId: plan.cycle.id,
        clientId: plan.client.id,
        format: input.format,
        startsAt: zonedInstant(input.date, input.time, plan.client.timezone),
        durationMinutes: input.durationMinutes,
        callLink: input.format === 'online' ? (input.callLink ?? null) : null,
        place: input.format === 'offline' ? (input.place ?? null) : null,
        voteBudget: input.voteBudget,
        createdById: actor.user.id,
      })
      .returning();
    const found = { ...plan, meeting: row! };
    if (input.format !== 'async') await addStandardAgenda(tx, row!.id, input.durationMinutes);
    const invite = await setParticipants(tx, row!.id, people);
    await recordMeetingEvent(tx, actor, found, 'meeting.scheduled', { format: input.format });
    return { found, invite };
  });
  await mailInvitations(ctx, actor, found, invite, false);
  return found;
}
