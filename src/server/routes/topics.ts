import { endpoints } from '../../shared/api/catalogue.ts';
import { deleteTopic } from '../commands/planning/deleteTopic.ts';
import { editTopic } from '../commands/planning/editTopic.ts';
import { parkTopicInReserve } from '../commands/planning/parkTopicInReserve.ts';
import { proposeTopic } from '../commands/planning/proposeTopic.ts';
import { pullTopicFromReserve } from '../commands/planning/pullTopicFromReserve.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentTopic } from '../presenters/plan.ts';

export const topicRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.createTopic, async (request) => {
    const row = await proposeTopic(ctx, requireActor(request), request.params.cycleId, request.body);
    return { topic: presentTopic(row, null) };
  });

  route(app, endpoints.updateTopic, async (request) => {
    const { row, slotId } = await editTopic(ctx, requireActor(request), request.params.topicId, request.body);
    return { topic: presentTopic(row, slotId) };
  });

  route(app, endpoints.deleteTopic, async (request) => {
    await deleteTopic(ctx, requireActor(request), request.params.topicId);
    return { ok: true as const };
  });

  route(app, endpoints.parkTopic, async (request) => {
    const row = await parkTopicInReserve(
      ctx,
      requireActor(request),
      request.params.topicId,
      request.body.version,
    );
    return { topic: presentTopic(row, null) };
  });

  route(app, endpoints.pullTopic, async (request) => {
    const row = await pullTopicFromReserve(ctx, requireActor(request), request.params.topicId, request.body);
    return { topic: presentTopic(row, null) };
  });
};
