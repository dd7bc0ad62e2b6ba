import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { agencyInsights, clientInsights, insightsQuery } from '../../shared/api/insights.ts';
import { previousMonth } from '../../shared/time.ts';
import type { RouteModule } from '../context.ts';
import { clients } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { insightMonths } from '../insights/months.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { requireActor } from '../plugins/auth.ts';
import { loadClient } from '../tenancy.ts';

const tags = ['insights'];

/** The months asked for, or the twelve up to this one; never more than three years at once. */
function rangeOf(query: z.infer<typeof insightsQuery>, timezone: string) {
  const to = query.to ?? todayIn(timezone).slice(0, 7);
  let from = query.from;
  if (!from) {
    from = to;
    for (let i = 0; i < 11; i++) from = previousMonth(from);
  }
  if (from > to)
    throw new AppError('validation_failed', { fields: { from: 'The first month comes after the last.' } });
  let limit = to;
  for (let i = 0; i < 35; i++) limit = previousMonth(limit);
  if (from < limit)
    throw new AppError('validation_failed', { fields: { from: 'Ask for three years at most.' } });
  return { from, to };
}

export const insightRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/insights',
    {
      schema: {
        tags,
        summary: "A client's months in numbers: posts, rounds, unplanned changes, topics, facts, deadlines",
        params: z.object({ clientId: z.uuid() }),
        querystring: insightsQuery,
        response: { 200: clientInsights },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      const { from, to } = rangeOf(request.query, client.timezone);
      return {
        clientId: client.id,
        clientName: client.name,
        timezone: client.timezone,
        coCreationSince: client.coCreationSince,
        months: await insightMonths(ctx.db, client, from, to),
      };
    },
  );

  app.get(
    '/api/insights',
    {
      schema: {
        tags,
        summary: "The agency's clients side by side, month by month",
        querystring: insightsQuery,
        response: { 200: agencyInsights },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.agency)
        throw new AppError('forbidden', { message: "Insights across clients are the agency's." });
      const { from, to } = rangeOf(request.query, 'Europe/Kyiv');
      const rows = await ctx.db
        .select()
        .from(clients)
        .where(and(eq(clients.agencyId, actor.agency.id), isNull(clients.archivedAt)))
        .orderBy(asc(clients.name));
      const months: string[] = [];
      for (let m = to; m >= from; m = previousMonth(m)) months.unshift(m);
      return {
        months,
        clients: await Promise.all(
          rows.map(async (client) => ({
            clientId: client.id,
            clientName: client.name,
            coCreationSince: client.coCreationSince,
            months: await insightMonths(ctx.db, client, from, to),
          })),
        ),
      };
    },
  );
};
