import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  clientPlan,
  contingency,
  createClientPlanBody,
  createContingencyBody,
  updateClientPlanBody,
  updateContingencyBody,
} from '../../shared/api/clientPlans.ts';
import { ok } from '../../shared/api/common.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { clientPlans, contingencies } from '../db/schema/index.ts';
import { notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { loadCycle, loadCycleForChange } from '../planning/load.ts';
import { recordPlanEvent } from '../planning/planEvent.ts';
import { checkTopicRefs } from '../planning/topicInput.ts';
import { requireActor } from '../plugins/auth.ts';
import { canEditClientPlans } from '../policies/plan.ts';

const tags = ['client plans'];
type PlanRow = typeof clientPlans.$inferSelect;
type ContingencyRow = typeof contingencies.$inferSelect;

const presentContingency = (c: ContingencyRow): z.infer<typeof contingency> => ({
  id: c.id,
  planId: c.planId,
  concept: c.concept,
  trigger: c.trigger,
  channelId: c.channelId,
  format: c.format ?? null,
  authorName: c.authorName,
  version: c.version,
});

const presentPlan = (p: PlanRow, cs: ContingencyRow[]): z.infer<typeof clientPlan> => ({
  id: p.id,
  cycleId: p.cycleId,
  title: p.title,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  likelihood: p.likelihood,
  notes: p.notes,
  authorName: p.authorName,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  contingencies: cs.filter((c) => c.planId === p.id).map(presentContingency),
});

/** A client plan's cycle, checked for a change (404 out of reach, 403 not allowed), and the plan, locked. */
async function lockPlan(tx: Executor, actor: Actor, planId: string, version?: number) {
  const [scope] = await tx
    .select({ cycleId: clientPlans.cycleId })
    .from(clientPlans)
    .where(eq(clientPlans.id, planId));
  if (!scope) throw notFound();
  const found = await loadCycleForChange(tx, actor, scope.cycleId, canEditClientPlans);
  const [plan] = await tx.select().from(clientPlans).where(eq(clientPlans.id, planId)).for('update');
  if (!plan) throw notFound();
  if (version !== undefined && plan.version !== version) throw staleVersion();
  return { found, plan };
}

async function lockContingency(tx: Executor, actor: Actor, id: string, version?: number) {
  const [row] = await tx
    .select({ planId: contingencies.planId })
    .from(contingencies)
    .where(eq(contingencies.id, id));
  if (!row) throw notFound();
  const { found, plan } = await lockPlan(tx, actor, row.planId);
  const [current] = await tx.select().from(contingencies).where(eq(contingencies.id, id)).for('update');
  if (!current) throw notFound();
  if (version !== undefined && current.version !== version) throw staleVersion();
  return { found, plan, current };
}

const author = (actor: Actor) => ({ authorId: actor.user.id, authorName: actor.user.name });

export const clientPlanRoutes: RouteModule = (app, ctx) => {
  const cycleParams = z.object({ cycleId: z.uuid() });
  const planParams = z.object({ planId: z.uuid() });
  const contingencyParams = z.object({ contingencyId: z.uuid() });

  app.get(
    '/api/cycles/:cycleId/client-plans',
    {
      schema: {
        tags,
        summary: "The client's plans for the month, each with its prepared contingencies",
        params: cycleParams,
        response: { 200: z.object({ plans: z.array(clientPlan) }) },
      },
    },
    async (request) => {
      const { cycle } = await loadCycle(ctx.db, requireActor(request), request.params.cycleId);
      const plans = await ctx.db
        .select()
        .from(clientPlans)
        .where(eq(clientPlans.cycleId, cycle.id))
        .orderBy(asc(clientPlans.startsOn), asc(clientPlans.createdAt));
      const cs = plans.length
        ? await ctx.db
            .select()
            .from(contingencies)
            .where(
              inArray(
                contingencies.planId,
                plans.map((p) => p.id),
              ),
            )
            .orderBy(asc(contingencies.createdAt))
        : [];
      return { plans: plans.map((p) => presentPlan(p, cs)) };
    },
  );

  app.post(
    '/api/cycles/:cycleId/client-plans',
    {
      schema: {
        tags,
        summary: 'Add something the client expects this month',
        params: cycleParams,
        body: createClientPlanBody,
        response: { 201: z.object({ plan: clientPlan }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await loadCycleForChange(tx, actor, request.params.cycleId, canEditClientPlans);
        const [row] = await tx
          .insert(clientPlans)
          .values({ ...request.body, cycleId: found.cycle.id, ...author(actor) })
          .returning();
        await recordPlanEvent(
          tx,
          actor,
          found,
          'client_plan.created',
          { type: 'client_plan', id: row!.id },
          { title: row!.title, likelihood: row!.likelihood },
        );
        return row!;
      });
      return reply.status(201).send({ plan: presentPlan(row, []) });
    },
  );

  app.patch(
    '/api/client-plans/:planId',
    {
      schema: {
        tags,
        summary: "Change a client's plan",
        params: planParams,
        body: updateClientPlanBody,
        response: { 200: z.object({ plan: clientPlan }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { row, cs } = await transact(ctx, async (tx) => {
        const { found, plan } = await lockPlan(tx, actor, request.params.planId, request.body.version);
        const { version, ...changes } = request.body;
        const [row] = await tx
          .update(clientPlans)
          .set({ ...changes, version: version + 1 })
          .where(eq(clientPlans.id, plan.id))
          .returning();
        await recordPlanEvent(
          tx,
          actor,
          found,
          'client_plan.updated',
          { type: 'client_plan', id: plan.id },
          { title: row!.title },
        );
        return {
          row: row!,
          cs: await tx.select().from(contingencies).where(eq(contingencies.planId, plan.id)),
        };
      });
      return { plan: presentPlan(row, cs) };
    },
  );

  app.delete(
    '/api/client-plans/:planId',
    {
      schema: {
        tags,
        summary: "Remove a client's plan and its contingencies",
        params: planParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const { found, plan } = await lockPlan(tx, actor, request.params.planId);
        await tx.delete(clientPlans).where(eq(clientPlans.id, plan.id));
        await recordPlanEvent(
          tx,
          actor,
          found,
          'client_plan.deleted',
          { type: 'client_plan', id: plan.id },
          { title: plan.title },
        );
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/client-plans/:planId/contingencies',
    {
      schema: {
        tags,
        summary: 'Prepare a "what if" situational post for a client plan',
        params: planParams,
        body: createContingencyBody,
        response: { 201: z.object({ contingency }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const { found, plan } = await lockPlan(tx, actor, request.params.planId);
        await checkTopicRefs(tx, found.client.id, { channelId: request.body.channelId });
        const [row] = await tx
          .insert(contingencies)
          .values({ ...request.body, planId: plan.id, ...author(actor) })
          .returning();
        await recordPlanEvent(
          tx,
          actor,
          found,
          'contingency.created',
          { type: 'contingency', id: row!.id },
          { planTitle: plan.title },
        );
        return row!;
      });
      return reply.status(201).send({ contingency: presentContingency(row) });
    },
  );

  app.patch(
    '/api/contingencies/:contingencyId',
    {
      schema: {
        tags,
        summary: 'Change a prepared contingency',
        params: contingencyParams,
        body: updateContingencyBody,
        response: { 200: z.object({ contingency }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const { found, current } = await lockContingency(
          tx,
          actor,
          request.params.contingencyId,
          request.body.version,
        );
        const { version, ...changes } = request.body;
        await checkTopicRefs(tx, found.client.id, { channelId: changes.channelId });
        const [row] = await tx
          .update(contingencies)
          .set({ ...changes, version: version + 1 })
          .where(eq(contingencies.id, current.id))
          .returning();
        await recordPlanEvent(tx, actor, found, 'contingency.updated', {
          type: 'contingency',
          id: current.id,
        });
        return row!;
      });
      return { contingency: presentContingency(row) };
    },
  );

  app.delete(
    '/api/contingencies/:contingencyId',
    {
      schema: {
        tags,
        summary: 'Remove a prepared contingency',
        params: contingencyParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const { found, current } = await lockContingency(tx, actor, request.params.contingencyId);
        await tx.delete(contingencies).where(and(eq(contingencies.id, current.id)));
        await recordPlanEvent(tx, actor, found, 'contingency.deleted', {
          type: 'contingency',
          id: current.id,
        });
      });
      return { ok: true as const };
    },
  );
};
