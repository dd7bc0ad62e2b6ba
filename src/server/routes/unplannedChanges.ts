import { endpoints } from '../../shared/api/catalogue.ts';
import { activateContingency } from '../commands/posts/activateContingency.ts';
import { logUnplannedChange } from '../commands/posts/logUnplannedChange.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { loadCycle } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { sideOf } from '../policies/side.ts';
import { changeById, changesOfCycle } from '../presenters/posts/changes.ts';

export const unplannedChangeRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listUnplannedChanges, async (request) => {
    const actor = requireActor(request);
    const { cycle, client } = await loadCycle(ctx.db, actor, request.params.cycleId);
    return { changes: await changesOfCycle(ctx.db, cycle.id, sideOf(actor, client)) };
  });

  route(app, endpoints.logUnplannedChange, async (request) => {
    const change = await logUnplannedChange(ctx, requireActor(request), request.params.cycleId, request.body);
    return { change: await changeById(ctx.db, change.id), postId: change.postId };
  });

  route(app, endpoints.activateContingency, async (request) => {
    const change = await activateContingency(
      ctx,
      requireActor(request),
      request.params.contingencyId,
      request.body,
    );
    return { change: await changeById(ctx.db, change.id), postId: change.postId };
  });
};
