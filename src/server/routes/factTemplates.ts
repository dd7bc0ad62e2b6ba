import { endpoints } from '../../shared/api/catalogue.ts';
import { addFactTemplate } from '../commands/facts/addFactTemplate.ts';
import { editFactTemplate } from '../commands/facts/editFactTemplate.ts';
import { removeFactTemplate } from '../commands/facts/removeFactTemplate.ts';
import type { RouteModule } from '../context.ts';
import { factTemplatesOfRubric } from '../facts/templates.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentFactTemplate } from '../presenters/facts.ts';

/**
 * What a rubric always needs from the client ("product": price, photos, link). The agency's
 * working knowledge: its managers keep it, its members read it; each fact request draft copies it.
 */
export const factTemplateRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listFactTemplates, async (request) => {
    const { clientId, rubricId } = request.params;
    const rows = await factTemplatesOfRubric(ctx.db, requireActor(request), clientId, rubricId);
    return { templates: rows.map(presentFactTemplate) };
  });

  route(app, endpoints.createFactTemplate, async (request) => {
    const { clientId, rubricId } = request.params;
    const row = await addFactTemplate(ctx, requireActor(request), clientId, rubricId, request.body);
    return { template: presentFactTemplate(row) };
  });

  route(app, endpoints.updateFactTemplate, async (request) => {
    const { clientId, templateId } = request.params;
    const row = await editFactTemplate(ctx, requireActor(request), clientId, templateId, request.body);
    return { template: presentFactTemplate(row) };
  });

  route(app, endpoints.deleteFactTemplate, async (request) => {
    const { clientId, templateId } = request.params;
    await removeFactTemplate(ctx, requireActor(request), clientId, templateId);
    return { ok: true as const };
  });
};
