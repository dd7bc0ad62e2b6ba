import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { holidaysOf } from '../planning/calendars/index.ts';
import { requireActor } from '../plugins/auth.ts';
import { loadClient } from '../tenancy.ts';

export const holidayRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listHolidays, async (request) => {
    const client = await loadClient(ctx.db, requireActor(request), request.params.clientId);
    return { days: await holidaysOf(client.country, request.query.month, request.query.lang) };
  });
};
