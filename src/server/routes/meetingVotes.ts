import { endpoints } from '../../shared/api/catalogue.ts';
import { putDotsOnTopic } from '../commands/meetings/putDotsOnTopic.ts';
import { reactToTopic } from '../commands/meetings/reactToTopic.ts';
import { takeBackReaction } from '../commands/meetings/takeBackReaction.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentMeetingFor } from '../presenters/meeting.ts';

/**
 * Dots and reactions. Both are set, never added: a vote says "this topic gets 2 of my dots",
 * a reaction is on or off. A request retried after a dropped connection changes nothing.
 */
export const meetingVoteRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.voteOnTopic, async (request) => {
    const actor = requireActor(request);
    const { meetingId, topicId } = request.params;
    await putDotsOnTopic(ctx, actor, meetingId, topicId, request.body.dots);
    return { meeting: await presentMeetingFor(ctx.db, actor, meetingId) };
  });

  route(app, endpoints.addTopicReaction, async (request) => {
    const actor = requireActor(request);
    await reactToTopic(ctx, actor, request.params);
    return { meeting: await presentMeetingFor(ctx.db, actor, request.params.meetingId) };
  });

  route(app, endpoints.removeTopicReaction, async (request) => {
    const actor = requireActor(request);
    await takeBackReaction(ctx, actor, request.params);
    return { meeting: await presentMeetingFor(ctx.db, actor, request.params.meetingId) };
  });
};
