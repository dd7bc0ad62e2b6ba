import { endpoints } from '../../shared/api/catalogue.ts';
import { applyCadence } from '../commands/planning/applyCadence.ts';
import { replaceCadence } from '../commands/planning/replaceCadence.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentCadenceRule, presentSlot } from '../presenters/plan.ts';

export const cadenceRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.replaceCadence, async (request) => {
    const rows = await replaceCadence(ctx, requireActor(request), request.params.cycleId, request.body);
    return { cadence: rows.map(presentCadenceRule) };
  });

  route(app, endpoints.applyCadence, async (request) => {
    const { created, timezone } = await applyCadence(ctx, requireActor(request), request.params.cycleId);
    return { created: created.length, slots: created.map((s) => presentSlot(s, timezone)) };
  });
};
