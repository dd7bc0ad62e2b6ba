import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { factRequest } from '../../shared/api/facts.ts';
import type { RouteModule } from '../context.ts';
import { factItems, factRequests } from '../db/schema/index.ts';
import { loadCycle } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { agencyRoleIn } from '../policies/agency.ts';

const tags = ['facts'];

export const factRequestRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/cycles/:cycleId/fact-request',
    {
      schema: {
        tags,
        summary: "The month's fact request; the client sees it once the agency has sent it",
        params: z.object({ cycleId: z.uuid() }),
        response: { 200: z.object({ request: factRequest.nullable() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { cycle, client } = await loadCycle(ctx.db, actor, request.params.cycleId);
      const [row] = await ctx.db.select().from(factRequests).where(eq(factRequests.cycleId, cycle.id));
      // The draft is the agency's working copy, like an unshared plan.
      if (!row || (row.status === 'draft' && !agencyRoleIn(actor, client.agencyId))) return { request: null };
      const items = await ctx.db
        .select()
        .from(factItems)
        .where(eq(factItems.requestId, row.id))
        .orderBy(asc(factItems.position));
      return {
        request: {
          id: row.id,
          cycleId: row.cycleId,
          status: row.status,
          sentAt: row.sentAt?.toISOString() ?? null,
          completedAt: row.completedAt?.toISOString() ?? null,
          version: row.version,
          items: items.map((i) => ({
            id: i.id,
            topicId: i.topicId,
            question: i.question,
            kind: i.kind,
            choices: i.choices,
            required: i.required,
            dueOn: i.dueOn,
            contactId: i.contactId,
            source: i.source,
            status: i.status,
            position: i.position,
            version: i.version,
          })),
        },
      };
    },
  );
};
