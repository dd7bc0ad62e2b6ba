import { endpoints } from '../../shared/api/catalogue.ts';
import { addFactItem } from '../commands/facts/addFactItem.ts';
import { editFactItem } from '../commands/facts/editFactItem.ts';
import { removeFactItem } from '../commands/facts/removeFactItem.ts';
import { resendFactRequest } from '../commands/facts/resendFactRequest.ts';
import { sendFactRequest } from '../commands/facts/sendFactRequest.ts';
import type { RouteModule } from '../context.ts';
import { loadFactRequest } from '../facts/load.ts';
import { factRequestOfCycle } from '../facts/queries.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentFactItem, presentFactRequest, presentFactRequestPage } from '../presenters/facts.ts';

export const factRequestRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.getCycleFactRequest, async (request) => {
    const actor = requireActor(request);
    const found = await factRequestOfCycle(ctx.db, actor, request.params.cycleId);
    return { request: found ? await presentFactRequest(ctx.db, actor, found) : null };
  });

  route(app, endpoints.getFactRequest, async (request) => {
    const actor = requireActor(request);
    const found = await loadFactRequest(ctx.db, actor, request.params.requestId);
    return presentFactRequestPage(ctx.db, actor, found, ctx.env.maxUploadBytes);
  });

  route(app, endpoints.createFactItem, async (request) => {
    const row = await addFactItem(ctx, requireActor(request), request.params.requestId, request.body);
    return { item: presentFactItem(row) };
  });

  route(app, endpoints.updateFactItem, async (request) => {
    const row = await editFactItem(ctx, requireActor(request), request.params.itemId, request.body);
    return { item: presentFactItem(row) };
  });

  route(app, endpoints.deleteFactItem, async (request) => {
    await removeFactItem(ctx, requireActor(request), request.params.itemId);
    return { ok: true as const };
  });

  route(app, endpoints.sendFactRequest, async (request) => {
    await sendFactRequest(ctx, requireActor(request), request.params.requestId, request.body.version);
    return { ok: true as const };
  });

  route(app, endpoints.resendFactRequest, (request) =>
    resendFactRequest(ctx, requireActor(request), request.params.requestId, request.body),
  );
};
