import { endpoints } from '../../shared/api/catalogue.ts';
import { outboxOf } from '../accounts/queries.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentOutboxMessage } from '../presenters/member.ts';

export const outboxRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listOutboxMessages, async (request) => {
    const rows = await outboxOf(ctx.db, requireActor(request));
    return { messages: rows.map(presentOutboxMessage) };
  });
};
