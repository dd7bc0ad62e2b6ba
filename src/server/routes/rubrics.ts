import { endpoints } from '../../shared/api/catalogue.ts';
import { rubricsOf } from '../clients/queries.ts';
import { addRubric } from '../commands/clients/addRubric.ts';
import { editRubric } from '../commands/clients/editRubric.ts';
import { removeRubric } from '../commands/clients/removeRubric.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentRubric } from '../presenters/client.ts';

export const rubricRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listRubrics, async (request) => {
    const rows = await rubricsOf(ctx.db, requireActor(request), request.params.clientId);
    return { rubrics: rows.map(presentRubric) };
  });

  route(app, endpoints.createRubric, async (request) => {
    const row = await addRubric(ctx, requireActor(request), request.params.clientId, request.body);
    return { rubric: presentRubric(row) };
  });

  route(app, endpoints.updateRubric, async (request) => {
    const { clientId, rubricId } = request.params;
    const row = await editRubric(ctx, requireActor(request), clientId, rubricId, request.body);
    return { rubric: presentRubric(row) };
  });

  route(app, endpoints.deleteRubric, async (request) => {
    const { clientId, rubricId } = request.params;
    await removeRubric(ctx, requireActor(request), clientId, rubricId);
    return { ok: true as const };
  });
};
