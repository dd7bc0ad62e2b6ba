import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { passesOfTopic, reserveOfClient } from '../planning/queries.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentTopic } from '../presenters/plan.ts';

export const reserveRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listReserve, async (request) => {
    const rows = await reserveOfClient(ctx.db, requireActor(request), request.params.clientId, request.query);
    return { topics: rows.map((row) => presentTopic(row, null)) };
  });

  route(app, endpoints.getTopicHistory, async (request) => {
    const rows = await passesOfTopic(ctx.db, requireActor(request), request.params.topicId);
    return {
      passes: rows.map(({ pass, month }) => ({
        cycleId: pass.cycleId,
        month,
        enteredAt: pass.enteredAt.toISOString(),
        leftAt: pass.leftAt?.toISOString() ?? null,
        leftAs: pass.leftAs,
      })),
    };
  });
};
