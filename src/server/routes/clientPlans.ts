import { endpoints } from '../../shared/api/catalogue.ts';
import { addClientPlan } from '../commands/planning/addClientPlan.ts';
import { changeClientPlan } from '../commands/planning/changeClientPlan.ts';
import { changeContingency } from '../commands/planning/changeContingency.ts';
import { prepareContingency } from '../commands/planning/prepareContingency.ts';
import { removeClientPlan } from '../commands/planning/removeClientPlan.ts';
import { removeContingency } from '../commands/planning/removeContingency.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { clientPlansOfCycle } from '../planning/queries.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentClientPlan, presentContingency } from '../presenters/clientPlan.ts';

export const clientPlanRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listClientPlans, async (request) => {
    const { plans, contingencies } = await clientPlansOfCycle(
      ctx.db,
      requireActor(request),
      request.params.cycleId,
    );
    return { plans: plans.map((p) => presentClientPlan(p, contingencies)) };
  });

  route(app, endpoints.createClientPlan, async (request) => {
    const row = await addClientPlan(ctx, requireActor(request), request.params.cycleId, request.body);
    return { plan: presentClientPlan(row, []) };
  });

  route(app, endpoints.updateClientPlan, async (request) => {
    const { plan, contingencies } = await changeClientPlan(
      ctx,
      requireActor(request),
      request.params.planId,
      request.body,
    );
    return { plan: presentClientPlan(plan, contingencies) };
  });

  route(app, endpoints.deleteClientPlan, async (request) => {
    await removeClientPlan(ctx, requireActor(request), request.params.planId);
    return { ok: true as const };
  });

  route(app, endpoints.createContingency, async (request) => {
    const row = await prepareContingency(ctx, requireActor(request), request.params.planId, request.body);
    return { contingency: presentContingency(row) };
  });

  route(app, endpoints.updateContingency, async (request) => {
    const row = await changeContingency(
      ctx,
      requireActor(request),
      request.params.contingencyId,
      request.body,
    );
    return { contingency: presentContingency(row) };
  });

  route(app, endpoints.deleteContingency, async (request) => {
    await removeContingency(ctx, requireActor(request), request.params.contingencyId);
    return { ok: true as const };
  });
};
