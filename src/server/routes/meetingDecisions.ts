import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { decisionBody, ideaBody, meeting, meetingParams } from '../../shared/api/meetings.ts';
import { topic } from '../../shared/api/planning.ts';
import type { RouteModule } from '../context.ts';
import { topicPasses, topics } from '../db/schema/index.ts';
import { transact } from '../live/transact.ts';
import { decide } from '../meetings/decide.ts';
import { recordMeetingEvent } from '../meetings/event.ts';
import { loadMeeting, loadMeetingForChange } from '../meetings/load.ts';
import { checkTopicRefs } from '../planning/topicInput.ts';
import { requireActor } from '../plugins/auth.ts';
import { canContribute, canDecide } from '../policies/meeting.ts';
import { presentMeeting } from '../presenters/meeting.ts';
import { presentTopic } from '../presenters/plan.ts';

const tags = ['meetings'];

export const meetingDecisionRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/meetings/:meetingId/ideas',
    {
      schema: {
        tags,
        summary: 'An idea from either side becomes a topic of the plan (source: meeting, author recorded)',
        params: meetingParams,
        body: ideaBody,
        response: { 201: z.object({ topic }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await loadMeetingForChange(tx, actor, request.params.meetingId, canContribute);
        await checkTopicRefs(tx, found.client.id, request.body);
        const [last] = await tx
          .select({ p: max(topics.position) })
          .from(topics)
          .where(eq(topics.cycleId, found.cycle.id));
        const [row] = await tx
          .insert(topics)
          .values({
            clientId: found.client.id,
            cycleId: found.cycle.id,
            title: request.body.title,
            angle: request.body.angle,
            rubricId: request.body.rubricId ?? null,
            source: 'meeting',
            authorId: actor.user.id,
            authorName: actor.user.name,
            position: (last?.p ?? 0) + 1,
          })
          .returning();
        await tx.insert(topicPasses).values({ topicId: row!.id, cycleId: found.cycle.id });
        await recordMeetingEvent(tx, actor, found, 'meeting.idea_added', {
          topicId: row!.id,
          title: row!.title,
        });
        return row!;
      });
      return reply.status(201).send({ topic: presentTopic(row, null) });
    },
  );

  app.post(
    '/api/meetings/:meetingId/decisions',
    {
      schema: {
        tags,
        summary:
          'Decide on a topic: accept, change (saying what), park to the reserve, drop, or move to a slot',
        params: meetingParams,
        body: decisionBody,
        response: { 201: z.object({ meeting }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const found = await loadMeetingForChange(tx, actor, request.params.meetingId, canDecide);
        const { decision, topic } = await decide(tx, actor, found, request.body);
        await recordMeetingEvent(tx, actor, found, 'meeting.decided', {
          topicId: topic.id,
          title: topic.title,
          kind: decision.kind,
        });
      });
      const found = await loadMeeting(ctx.db, actor, request.params.meetingId);
      return reply.status(201).send({ meeting: await presentMeeting(ctx.db, actor, found) });
    },
  );
};
