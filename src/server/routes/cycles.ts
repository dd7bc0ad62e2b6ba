import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { clientParams } from '../../shared/api/clients.ts';
import {
  cycle,
  moveStageBody,
  plan,
  startCycleBody,
  updateCycleBody,
  versionBody,
} from '../../shared/api/planning.ts';
import { moveCycleStage } from '../commands/moveCycleStage.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import { mailPlanShared, shareCycle } from '../commands/shareCycle.ts';
import { startCycle } from '../commands/startCycle.ts';
import type { RouteModule } from '../context.ts';
import { cadenceRules, cycles, slots, topics } from '../db/schema/index.ts';
import { staleVersion } from '../errors.ts';
import { everyoneRoom, teamRoom } from '../live/rooms.ts';
import { transact } from '../live/transact.ts';
import { presentCycle, presentCycles } from '../planning/cycleView.ts';
import { loadCycle, loadCycleForChange } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { canAdvanceCycle, canEditPlan, canStartCycle, canViewCycle } from '../policies/plan.ts';
import { presentCadenceRule, presentSlot, presentTopic } from '../presenters/plan.ts';
import { loadClient, loadClientForChange } from '../tenancy.ts';

const tags = ['cycles'];
const params = z.object({ cycleId: z.uuid() });
const one = z.object({ cycle });

export const cycleRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/cycles',
    {
      schema: {
        tags,
        summary: "A client's monthly cycles, newest month first",
        params: clientParams,
        response: { 200: z.object({ cycles: z.array(cycle) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      const rows = await ctx.db
        .select()
        .from(cycles)
        .where(eq(cycles.clientId, client.id))
        .orderBy(desc(cycles.month));
      const visible = rows.filter((row) => canViewCycle(actor, client, row));
      return { cycles: await presentCycles(ctx.db, actor, client, visible) };
    },
  );

  app.post(
    '/api/clients/:clientId/cycles',
    {
      schema: {
        tags,
        summary: 'Start planning a month ("Plan December 2026")',
        params: clientParams,
        body: startCycleBody,
        response: { 201: one },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { row, client } = await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canStartCycle);
        return { row: await startCycle(tx, actor, client, request.body), client };
      });
      return reply.status(201).send({ cycle: await presentCycle(ctx.db, actor, client, row) });
    },
  );

  app.get(
    '/api/cycles/:cycleId/plan',
    {
      schema: {
        tags,
        summary: 'The whole plan of a cycle: schedule, topics, cadence, live rooms',
        params,
        response: { 200: plan },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { cycle: row, client } = await loadCycle(ctx.db, actor, request.params.cycleId);
      const slotRows = await ctx.db
        .select()
        .from(slots)
        .where(eq(slots.cycleId, row.id))
        .orderBy(asc(slots.startsAt));
      const topicRows = await ctx.db
        .select()
        .from(topics)
        .where(eq(topics.cycleId, row.id))
        .orderBy(asc(topics.position), asc(topics.createdAt));
      const rules = await ctx.db
        .select()
        .from(cadenceRules)
        .where(eq(cadenceRules.cycleId, row.id))
        .orderBy(asc(cadenceRules.createdAt));
      const slotOfTopic = new Map(slotRows.filter((s) => s.topicId).map((s) => [s.topicId!, s.id]));
      const inTeam = actor.agency?.id === client.agencyId;
      return {
        cycle: await presentCycle(ctx.db, actor, client, row),
        slots: slotRows.map((s) => presentSlot(s, client.timezone)),
        topics: topicRows.map((t) => presentTopic(t, slotOfTopic.get(t.id) ?? null)),
        cadence: rules.map(presentCadenceRule),
        rooms: [inTeam ? teamRoom(client.id) : everyoneRoom(client.id)],
      };
    },
  );

  app.patch(
    '/api/cycles/:cycleId',
    {
      schema: {
        tags,
        summary: "Change a cycle's stage deadlines",
        params,
        body: updateCycleBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { row, client } = await transact(ctx, async (tx) => {
        const { cycle: current, client } = await loadCycleForChange(
          tx,
          actor,
          request.params.cycleId,
          canAdvanceCycle,
        );
        if (current.version !== request.body.version) throw staleVersion();
        const deadlines = { ...current.deadlines, ...request.body.deadlines };
        const [row] = await tx
          .update(cycles)
          .set({ deadlines, version: current.version + 1 })
          .where(eq(cycles.id, current.id))
          .returning();
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'cycle.deadlines_changed',
          subjectType: 'cycle',
          subjectId: current.id,
          data: { month: current.month, deadlines },
          state: current,
        });
        return { row: row!, client };
      });
      return { cycle: await presentCycle(ctx.db, actor, client, row) };
    },
  );

  app.post(
    '/api/cycles/:cycleId/stage',
    {
      schema: {
        tags,
        summary: 'Move the cycle to the next stage (after its checks) or back one',
        params,
        body: moveStageBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { row, client } = await transact(ctx, async (tx) => {
        const found = await loadCycleForChange(tx, actor, request.params.cycleId, canAdvanceCycle);
        return {
          row: await moveCycleStage(tx, actor, found, request.body.to, request.body.version),
          client: found.client,
        };
      });
      return { cycle: await presentCycle(ctx.db, actor, client, row) };
    },
  );

  app.post(
    '/api/cycles/:cycleId/share',
    {
      schema: {
        tags,
        summary: "Share the plan with the client's contacts (read-only until the meeting) and tell them",
        params,
        body: versionBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { row, client, fresh } = await transact(ctx, async (tx) => {
        const found = await loadCycleForChange(tx, actor, request.params.cycleId, canEditPlan);
        // Sharing twice is not an error: the plan simply stays shared, nobody is emailed again.
        if (found.cycle.sharedAt) return { row: found.cycle, client: found.client, fresh: false };
        if (found.cycle.version !== request.body.version) throw staleVersion();
        return { row: await shareCycle(tx, actor, found), client: found.client, fresh: true };
      });
      if (fresh) await mailPlanShared(ctx, actor, client, row);
      return { cycle: await presentCycle(ctx.db, actor, client, row) };
    },
  );
};
