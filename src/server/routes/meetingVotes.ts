import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { meeting, reactionParams, voteBody } from '../../shared/api/meetings.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { topicReactions, topics, topicVotes } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { recordMeetingEvent } from '../meetings/event.ts';
import { loadMeeting, loadMeetingForChange, type MeetingInCycle } from '../meetings/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { canVote } from '../policies/meeting.ts';
import { presentMeeting } from '../presenters/meeting.ts';

const tags = ['meetings'];
const one = z.object({ meeting });

async function topicOfMeeting(tx: Executor, found: MeetingInCycle, topicId: string) {
  const [topic] = await tx
    .select({ id: topics.id })
    .from(topics)
    .where(and(eq(topics.id, topicId), eq(topics.cycleId, found.cycle.id)));
  if (!topic) throw notFound();
}

/**
 * Dots and reactions. Both are set, never added: a vote says "this topic gets 2 of my dots",
 * a reaction is on or off. A request retried after a dropped connection changes nothing.
 */
export const meetingVoteRoutes: RouteModule = (app, ctx) => {
  app.put(
    '/api/meetings/:meetingId/votes/:topicId',
    {
      schema: {
        tags,
        summary: 'Put some of your dots on a topic (within your budget); 0 takes them back',
        params: z.object({ meetingId: z.uuid(), topicId: z.uuid() }),
        body: voteBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { meetingId, topicId } = request.params;
      const { dots } = request.body;
      await transact(ctx, async (tx) => {
        const found = await loadMeetingForChange(tx, actor, meetingId, canVote);
        await topicOfMeeting(tx, found, topicId);
        const [elsewhere] = await tx
          .select({ used: sql<number>`coalesce(sum(${topicVotes.dots}), 0)::int` })
          .from(topicVotes)
          .where(
            and(
              eq(topicVotes.meetingId, meetingId),
              eq(topicVotes.userId, actor.user.id),
              ne(topicVotes.topicId, topicId),
            ),
          );
        if ((elsewhere?.used ?? 0) + dots > found.meeting.voteBudget) {
          throw new AppError('vote_budget', {
            message: `You have ${found.meeting.voteBudget} votes and ${elsewhere?.used ?? 0} are on other topics.`,
          });
        }
        const key = and(
          eq(topicVotes.meetingId, meetingId),
          eq(topicVotes.topicId, topicId),
          eq(topicVotes.userId, actor.user.id),
        );
        if (dots === 0) await tx.delete(topicVotes).where(key);
        else {
          await tx
            .insert(topicVotes)
            .values({ meetingId, topicId, userId: actor.user.id, dots })
            .onConflictDoUpdate({
              target: [topicVotes.meetingId, topicVotes.topicId, topicVotes.userId],
              set: { dots },
            });
        }
        await recordMeetingEvent(tx, actor, found, 'meeting.voted', { topicId });
      });
      return { meeting: await presentMeeting(ctx.db, actor, await loadMeeting(ctx.db, actor, meetingId)) };
    },
  );

  for (const on of [true, false]) {
    const handler = async (
      request: { params: z.infer<typeof reactionParams> },
      actorOf: () => ReturnType<typeof requireActor>,
    ) => {
      const actor = actorOf();
      const { meetingId, topicId, reaction } = request.params;
      await transact(ctx, async (tx) => {
        const found = await loadMeetingForChange(tx, actor, meetingId, canVote);
        await topicOfMeeting(tx, found, topicId);
        if (on) {
          await tx
            .insert(topicReactions)
            .values({ meetingId, topicId, userId: actor.user.id, reaction })
            .onConflictDoNothing();
        } else {
          await tx
            .delete(topicReactions)
            .where(
              and(
                eq(topicReactions.meetingId, meetingId),
                eq(topicReactions.topicId, topicId),
                eq(topicReactions.userId, actor.user.id),
                eq(topicReactions.reaction, reaction),
              ),
            );
        }
        await recordMeetingEvent(tx, actor, found, 'meeting.reacted', { topicId });
      });
      return { meeting: await presentMeeting(ctx.db, actor, await loadMeeting(ctx.db, actor, meetingId)) };
    };
    const options = {
      schema: {
        tags,
        summary: on ? 'React to a topic (again: no change)' : 'Take a reaction back',
        params: reactionParams,
        response: { 200: one },
      },
    };
    const path = '/api/meetings/:meetingId/topics/:topicId/reactions/:reaction';
    if (on) app.put(path, options, (request) => handler(request, () => requireActor(request)));
    else app.delete(path, options, (request) => handler(request, () => requireActor(request)));
  }
};
