import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { commentBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { reviewComments, slots, topics } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canComment, sideOf } from '../../policies/meeting.ts';

/**
 * Fire mode: with no meeting possible, the client's contacts comment on each topic and slot
 * and accept or ask for changes; the agency answers in the same thread.
 */
export function commentInReview(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  meetingId: string,
  { subjectType, subjectId, body, verdict }: z.output<typeof commentBody>,
): Promise<typeof reviewComments.$inferSelect> {
  return transact(ctx, async (tx) => {
    const found = await loadMeetingForChange(tx, actor, meetingId, canComment);
    const table = subjectType === 'topic' ? topics : slots;
    const [subject] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, subjectId), eq(table.cycleId, found.cycle.id)));
    if (!subject) throw notFound();
    const side = sideOf(actor, found.client);
    // A verdict is the client's to give; the agency answers with words.
    if (verdict && side === 'agency') {
      throw new AppError('validation_failed', {
        fields: { verdict: 'The client accepts or asks for changes.' },
      });
    }
    const [row] = await tx
      .insert(reviewComments)
      .values({
        meetingId: found.meeting.id,
        subjectType,
        subjectId,
        body,
        verdict: verdict ?? null,
        authorId: actor.user.id,
        authorName: actor.user.name,
        side,
      })
      .returning();
    await recordMeetingEvent(tx, actor, found, 'meeting.commented', {
      subjectType,
      subjectId,
      verdict: verdict ?? null,
    });
    return row!;
  });
}
