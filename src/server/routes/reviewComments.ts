import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { commentBody, meetingParams, reviewComment } from '../../shared/api/meetings.ts';
import type { RouteModule } from '../context.ts';
import { reviewComments, slots, topics } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { recordMeetingEvent } from '../meetings/event.ts';
import { loadMeetingForChange } from '../meetings/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { canComment, sideOf } from '../policies/meeting.ts';

const tags = ['meetings'];

/**
 * Fire mode: with no meeting possible, the client's contacts comment on each topic and slot
 * and accept or ask for changes; the agency answers in the same thread.
 */
export const reviewCommentRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/meetings/:meetingId/comments',
    {
      schema: {
        tags,
        summary: 'Fire mode: comment on a topic or a slot, accepting it or asking for changes',
        params: meetingParams,
        body: commentBody,
        response: { 201: z.object({ comment: reviewComment }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await loadMeetingForChange(tx, actor, request.params.meetingId, canComment);
        const { subjectType, subjectId, body, verdict } = request.body;
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
      return reply.status(201).send({
        comment: {
          id: row.id,
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          body: row.body,
          verdict: row.verdict,
          authorName: row.authorName,
          side: row.side,
          createdAt: row.createdAt.toISOString(),
        },
      });
    },
  );
};
