import { and, desc, eq, lt } from 'drizzle-orm';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { events } from '../db/schema/index.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentEvent } from '../presenters/member.ts';
import { loadClient } from '../tenancy.ts';

export const eventRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listClientEvents, async (request) => {
    const client = await loadClient(ctx.db, requireActor(request), request.params.clientId);
    const { before, limit } = request.query;
    const rows = await ctx.db
      .select()
      .from(events)
      .where(and(eq(events.clientId, client.id), before ? lt(events.id, before) : undefined))
      .orderBy(desc(events.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    return {
      events: page.map(presentEvent),
      nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
};
