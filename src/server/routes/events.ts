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
    const actor = requireActor(request);
    const client = await loadClient(ctx.db, actor, request.params.clientId);
    const { before, limit } = request.query;
    // The agency reads its whole desk; the client's contacts only what the catalogue gave them.
    const inTeam = actor.agency?.id === client.agencyId;
    const rows = await ctx.db
      .select()
      .from(events)
      .where(
        and(
          eq(events.clientId, client.id),
          inTeam ? undefined : eq(events.audience, 'everyone'),
          before ? lt(events.id, before) : undefined,
        ),
      )
      .orderBy(desc(events.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    return {
      events: page.map(presentEvent),
      nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
};
