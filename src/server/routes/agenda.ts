import { endpoints } from '../../shared/api/catalogue.ts';
import { addAgendaItem } from '../commands/meetings/addAgendaItem.ts';
import { editAgendaItem } from '../commands/meetings/editAgendaItem.ts';
import { removeAgendaItem } from '../commands/meetings/removeAgendaItem.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentAgendaItem } from '../presenters/meeting.ts';

/** The agenda belongs to the agency: it edits it before and during the meeting, not after. */
export const agendaRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.createAgendaItem, async (request) => {
    const row = await addAgendaItem(ctx, requireActor(request), request.params.meetingId, request.body);
    return { item: presentAgendaItem(row) };
  });

  route(app, endpoints.updateAgendaItem, async (request) => {
    const row = await editAgendaItem(ctx, requireActor(request), request.params.itemId, request.body);
    return { item: presentAgendaItem(row) };
  });

  route(app, endpoints.deleteAgendaItem, async (request) => {
    await removeAgendaItem(ctx, requireActor(request), request.params.itemId);
    return { ok: true as const };
  });
};
