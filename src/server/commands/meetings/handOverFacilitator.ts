import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { facilitatorBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { agencyMembers, meetings, users } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import type { MeetingInCycle } from '../../meetings/load.ts';
import { meetingToRun } from './meetingScope.ts';

/** Hand the facilitator role (who moves everyone's focus) to another agency member. */
export async function handOverFacilitator(
  ctx: Pick<Context, 'db' | 'live' | 'log' | 'meetingRooms'>,
  actor: Actor,
  meetingId: string,
  input: z.output<typeof facilitatorBody>,
): Promise<MeetingInCycle> {
  const found = await transact(ctx, async (tx) => {
    const found = await meetingToRun(tx, actor, meetingId, input.version);
    const [member] = await tx
      .select({ userId: agencyMembers.userId, name: users.name })
      .from(agencyMembers)
      .innerJoin(users, eq(users.id, agencyMembers.userId))
      .where(and(eq(agencyMembers.agencyId, found.client.agencyId), eq(agencyMembers.userId, input.userId)));
    if (!member) {
      throw new AppError('validation_failed', {
        fields: { userId: 'The facilitator is one of the agency’s members.' },
      });
    }
    // Any member of the agency may take over, invited or not.
    const name = member.name;
    const [row] = await tx
      .update(meetings)
      .set({
        facilitatorId: member.userId,
        facilitatorName: name,
        version: found.meeting.version + 1,
      })
      .where(eq(meetings.id, found.meeting.id))
      .returning();
    const changed = { ...found, meeting: row! };
    await recordMeetingEvent(tx, actor, changed, 'meeting.facilitator_changed', {
      facilitatorName: name,
    });
    return changed;
  });
  // The room's cached rules name the facilitator: every process forgets them.
  ctx.meetingRooms.changed(found.meeting.id);
  return found;
}
