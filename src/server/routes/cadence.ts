import { endpoints } from '../../shared/api/catalogue.ts';
import { applyCadence } from '../commands/planning/applyCadence.ts';
import { replaceCadence } from '../commands/planning/replaceCadence.ts';
import { undoCadence } from '../commands/planning/undoCadence.ts';
import type { RouteModule } from '../context.ts';
import { AppError } from '../errors.ts';
import { route } from '../http/route.ts';
import { cadencePlanOf } from '../planning/cadencePlan.ts';
import { loadCycle } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { canEditPlan } from '../policies/plan.ts';
import { presentCadenceRule, presentSlot } from '../presenters/plan.ts';

export const cadenceRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.replaceCadence, async (request) => {
    const rows = await replaceCadence(ctx, requireActor(request), request.params.cycleId, request.body);
    return { cadence: rows.map(presentCadenceRule) };
  });

  route(app, endpoints.previewCadence, async (request) => {
    const actor = requireActor(request);
    const found = await loadCycle(ctx.db, actor, request.params.cycleId);
    // Only who may fill the month sees what filling it would do.
    if (!canEditPlan(actor, found.client, found.cycle)) throw new AppError('forbidden');
    const plan = await cadencePlanOf(ctx.db, found);
    return {
      timezone: found.client.timezone,
      shared: found.cycle.sharedAt !== null,
      slots: plan.map(({ startsAt: _at, ...s }) => s),
    };
  });

  route(app, endpoints.applyCadence, async (request) => {
    const { created, skipped, timezone } = await applyCadence(
      ctx,
      requireActor(request),
      request.params.cycleId,
    );
    return { created: created.length, skipped, slots: created.map((s) => presentSlot(s, timezone)) };
  });

  route(app, endpoints.undoCadence, async (request) => {
    return undoCadence(ctx, requireActor(request), request.params.cycleId, request.body.slotIds);
  });
};
