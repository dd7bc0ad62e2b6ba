import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { activateContingencyBody, changeList, changeResult, logChangeBody } from '../../shared/api/posts.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import type { Tx } from '../db/connect.ts';
import { clientPlans, contingencies } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { loadCycle } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { isAgencyManager } from '../policies/agency.ts';
import { canLogChange } from '../policies/posts.ts';
import { activateContingency } from '../posts/changes/activate.ts';
import { logChange } from '../posts/changes/log.ts';
import { changeById, changesOfCycle } from '../posts/changes/present.ts';

const tags = ['changes'];
const cycleParams = z.object({ cycleId: z.uuid() });

/** The cycle, locked, for a manager logging a change during the month's work. */
async function loadForChange(tx: Tx, actor: Actor, cycleId: string) {
  const found = await loadCycle(tx, actor, cycleId, true);
  if (!canLogChange(actor, found.client, found.cycle)) {
    // A manager at the wrong time is told when; anyone else is simply not allowed.
    const manager = isAgencyManager(actor, found.client.agencyId) && found.cycle.stage !== 'closed';
    throw new AppError(manager ? 'conflict' : 'forbidden', {
      message: manager
        ? 'Unplanned changes are logged from the fact request until the month closes.'
        : undefined,
    });
  }
  return found;
}

export const unplannedChangeRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/cycles/:cycleId/changes',
    {
      schema: {
        tags,
        summary: "The month's unplanned changes, newest first",
        params: cycleParams,
        response: { 200: changeList },
      },
    },
    async (request) => {
      const { cycle } = await loadCycle(ctx.db, requireActor(request), request.params.cycleId);
      return { changes: await changesOfCycle(ctx.db, cycle.id) };
    },
  );

  app.post(
    '/api/cycles/:cycleId/changes',
    {
      schema: {
        tags,
        summary: 'Log an unplanned change: a situational post, a replacement or a same-day rewrite',
        params: cycleParams,
        body: logChangeBody,
        response: { 201: changeResult },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const change = await transact(ctx, async (tx) => {
        const found = await loadForChange(tx, actor, request.params.cycleId);
        return logChange(tx, actor, found, request.body);
      });
      reply.code(201);
      return { change: await changeById(ctx.db, change.id), postId: change.postId };
    },
  );

  app.post(
    '/api/contingencies/:contingencyId/activate',
    {
      schema: {
        tags,
        summary:
          'Activate a prepared contingency: a slot and a draft post from its concept, logged as covered',
        params: z.object({ contingencyId: z.uuid() }),
        body: activateContingencyBody,
        response: { 201: changeResult },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const [ref] = await ctx.db
        .select({ cycleId: clientPlans.cycleId })
        .from(contingencies)
        .innerJoin(clientPlans, eq(clientPlans.id, contingencies.planId))
        .where(eq(contingencies.id, request.params.contingencyId));
      if (!ref) throw notFound();
      const change = await transact(ctx, async (tx) => {
        const found = await loadForChange(tx, actor, ref.cycleId);
        return activateContingency(tx, actor, found, request.params.contingencyId, request.body);
      });
      reply.code(201);
      return { change: await changeById(ctx.db, change.id), postId: change.postId };
    },
  );
};
