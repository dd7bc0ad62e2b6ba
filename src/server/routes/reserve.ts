import { and, asc, desc, eq, ilike, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { clientParams } from '../../shared/api/clients.ts';
import { reserveQuery, topic, topicPass } from '../../shared/api/planning.ts';
import type { RouteModule } from '../context.ts';
import { cycles, topicPasses, topics } from '../db/schema/index.ts';
import { forbidden, notFound } from '../errors.ts';
import { scopeOfTopic } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { presentTopic } from '../presenters/plan.ts';
import { loadClient } from '../tenancy.ts';

const tags = ['reserve'];

// Escape LIKE wildcards so a search for "50%" means those characters.
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const reserveRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/reserve',
    {
      schema: {
        tags,
        summary: "The client's reserve: parked and unused topics waiting for a later month",
        params: clientParams,
        querystring: reserveQuery,
        response: { 200: z.object({ topics: z.array(topic) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      // The reserve is the agency's working stock, not part of a shared plan.
      if (!agencyRoleIn(actor, client.agencyId)) throw forbidden();
      const { q, rubricId, tag, olderThanDays } = request.query;
      const rows = await ctx.db
        .select()
        .from(topics)
        .where(
          and(
            eq(topics.clientId, client.id),
            isNull(topics.cycleId),
            ne(topics.status, 'dropped'),
            q
              ? or(
                  ilike(topics.title, likePattern(q)),
                  ilike(topics.angle, likePattern(q)),
                  sql`exists (select 1 from unnest(${topics.tags}) t where t ilike ${likePattern(q)})`,
                )
              : undefined,
            rubricId ? eq(topics.rubricId, rubricId) : undefined,
            tag ? sql`${tag} = any(${topics.tags})` : undefined,
            olderThanDays !== undefined
              ? lte(topics.reservedAt, new Date(Date.now() - olderThanDays * 86_400_000))
              : undefined,
          ),
        )
        .orderBy(desc(topics.reservedAt), asc(topics.title))
        .limit(500);
      return { topics: rows.map((row) => presentTopic(row, null)) };
    },
  );

  app.get(
    '/api/topics/:topicId/history',
    {
      schema: {
        tags,
        summary: 'Which cycles a topic passed through, and how it left each',
        params: z.object({ topicId: z.uuid() }),
        response: { 200: z.object({ passes: z.array(topicPass) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = await scopeOfTopic(ctx.db, request.params.topicId);
      const client = await loadClient(ctx.db, actor, scope.clientId);
      if (!agencyRoleIn(actor, client.agencyId)) throw notFound();
      const rows = await ctx.db
        .select({ pass: topicPasses, month: cycles.month })
        .from(topicPasses)
        .innerJoin(cycles, eq(cycles.id, topicPasses.cycleId))
        .where(eq(topicPasses.topicId, request.params.topicId))
        .orderBy(asc(topicPasses.id));
      return {
        passes: rows.map(({ pass, month }) => ({
          cycleId: pass.cycleId,
          month,
          enteredAt: pass.enteredAt.toISOString(),
          leftAt: pass.leftAt?.toISOString() ?? null,
          leftAs: pass.leftAs,
        })),
      };
    },
  );
};
