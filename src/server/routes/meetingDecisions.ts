import { endpoints } from '../../shared/api/catalogue.ts';
import { addMeetingIdea } from '../commands/meetings/addMeetingIdea.ts';
import { decideOnTopic } from '../commands/meetings/decideOnTopic.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentMeetingFor } from '../presenters/meeting.ts';
import { presentTopic } from '../presenters/plan.ts';

export const meetingDecisionRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.addMeetingIdea, async (request) => {
    const row = await addMeetingIdea(ctx, requireActor(request), request.params.meetingId, request.body);
    return { topic: presentTopic(row, null) };
  });

  route(app, endpoints.decideOnTopic, async (request) => {
    const actor = requireActor(request);
    await decideOnTopic(ctx, actor, request.params.meetingId, request.body);
    return { meeting: await presentMeetingFor(ctx.db, actor, request.params.meetingId) };
  });
};
