import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../shared/api/common.ts';
import {
  createTopicBody,
  pullTopicBody,
  topic,
  updateTopicBody,
  versionBody,
} from '../../shared/api/planning.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { slots, topicPasses, topics } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { type CycleInClient, loadCycleForChange, scopeOfTopic } from '../planning/load.ts';
import { parkTopic } from '../planning/parkTopic.ts';
import { recordPlanEvent } from '../planning/planEvent.ts';
import { checkTopicRefs } from '../planning/topicInput.ts';
import { requireActor } from '../plugins/auth.ts';
import { canAddTopics, canEditPlan } from '../policies/plan.ts';
import { presentTopic } from '../presenters/plan.ts';

const tags = ['topics'];
const cycleParams = z.object({ cycleId: z.uuid() });
const params = z.object({ topicId: z.uuid() });
const one = z.object({ topic });

type TopicRow = typeof topics.$inferSelect;

async function lockTopic(tx: Executor, topicId: string, version?: number): Promise<TopicRow> {
  const [row] = await tx.select().from(topics).where(eq(topics.id, topicId)).for('update');
  if (!row) throw notFound();
  if (version !== undefined && row.version !== version) throw staleVersion();
  return row;
}

async function slotOf(tx: Executor, topicId: string) {
  const [row] = await tx.select({ id: slots.id }).from(slots).where(eq(slots.topicId, topicId));
  return row?.id ?? null;
}

/** The plan a topic in a cycle belongs to, checked for the change (404 out of reach, 403 not allowed). */
async function planOfTopic(
  tx: Executor,
  actor: Actor,
  topicId: string,
  allowed: typeof canAddTopics,
): Promise<CycleInClient> {
  const scope = await scopeOfTopic(tx, topicId);
  if (!scope.cycleId) throw notFound();
  return loadCycleForChange(tx, actor, scope.cycleId, allowed);
}

export const topicRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/cycles/:cycleId/topics',
    {
      schema: {
        tags,
        summary: 'Propose a topic for this month',
        params: cycleParams,
        body: createTopicBody,
        response: { 201: one },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await loadCycleForChange(tx, actor, request.params.cycleId, canAddTopics);
        await checkTopicRefs(tx, found.client.id, request.body);
        const [last] = await tx
          .select({ p: max(topics.position) })
          .from(topics)
          .where(eq(topics.cycleId, found.cycle.id));
        const inTeam = actor.agency?.id === found.client.agencyId;
        const [row] = await tx
          .insert(topics)
          .values({
            ...request.body,
            clientId: found.client.id,
            cycleId: found.cycle.id,
            source: request.body.source ?? (inTeam ? 'agency' : 'client'),
            authorId: actor.user.id,
            authorName: actor.user.name,
            position: (last?.p ?? 0) + 1,
          })
          .returning();
        await tx.insert(topicPasses).values({ topicId: row!.id, cycleId: found.cycle.id });
        await recordPlanEvent(
          tx,
          actor,
          found,
          'topic.created',
          { type: 'topic', id: row!.id },
          { title: row!.title },
        );
        return row!;
      });
      return reply.status(201).send({ topic: presentTopic(row, null) });
    },
  );

  app.patch(
    '/api/topics/:topicId',
    {
      schema: {
        tags,
        summary: 'Edit a topic, change its status or its place in the list',
        params,
        body: updateTopicBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { row, slotId } = await transact(ctx, async (tx) => {
        const found = await planOfTopic(tx, actor, request.params.topicId, canAddTopics);
        const current = await lockTopic(tx, request.params.topicId, request.body.version);
        const { version, ...changes } = request.body;
        await checkTopicRefs(tx, found.client.id, changes);
        const [row] = await tx
          .update(topics)
          .set({ ...changes, version: version + 1, updatedAt: new Date() })
          .where(eq(topics.id, current.id))
          .returning();
        const changed = Object.keys(changes).filter((k) => k !== 'position');
        if (changed.length > 0 || changes.position !== undefined) {
          await recordPlanEvent(
            tx,
            actor,
            found,
            'topic.updated',
            { type: 'topic', id: current.id },
            {
              title: row!.title,
              changed,
              ...(changes.status && { status: changes.status }),
            },
          );
        }
        return { row: row!, slotId: await slotOf(tx, current.id) };
      });
      return { topic: presentTopic(row, slotId) };
    },
  );

  app.delete(
    '/api/topics/:topicId',
    {
      schema: {
        tags,
        summary: 'Delete a topic for good (parking keeps it in the reserve instead)',
        params,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const found = await planOfTopic(tx, actor, request.params.topicId, canEditPlan);
        const current = await lockTopic(tx, request.params.topicId);
        await tx.delete(topics).where(eq(topics.id, current.id));
        await recordPlanEvent(
          tx,
          actor,
          found,
          'topic.deleted',
          { type: 'topic', id: current.id },
          { title: current.title },
        );
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/topics/:topicId/park',
    {
      schema: {
        tags,
        summary: "Park a topic: out of this month's plan, into the client's reserve",
        params,
        body: versionBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await planOfTopic(tx, actor, request.params.topicId, canEditPlan);
        const current = await lockTopic(tx, request.params.topicId, request.body.version);
        const row = await parkTopic(tx, current, found.cycle.id);
        await recordPlanEvent(
          tx,
          actor,
          found,
          'topic.parked',
          { type: 'topic', id: current.id },
          { title: current.title },
        );
        return row;
      });
      return { topic: presentTopic(row, null) };
    },
  );

  app.post(
    '/api/topics/:topicId/pull',
    {
      schema: {
        tags,
        summary: "Pull a topic from the client's reserve into a cycle",
        params,
        body: pullTopicBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await loadCycleForChange(tx, actor, request.body.cycleId, canEditPlan);
        const current = await lockTopic(tx, request.params.topicId, request.body.version);
        if (current.clientId !== found.client.id) throw notFound();
        if (current.cycleId !== null || current.status === 'dropped') {
          throw new AppError('conflict', { message: 'This topic is not in the reserve.' });
        }
        const [last] = await tx
          .select({ p: max(topics.position) })
          .from(topics)
          .where(eq(topics.cycleId, found.cycle.id));
        const [row] = await tx
          .update(topics)
          .set({
            cycleId: found.cycle.id,
            status: 'proposed',
            reservedAt: null,
            position: (last?.p ?? 0) + 1,
            version: current.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(topics.id, current.id))
          .returning();
        await tx.insert(topicPasses).values({ topicId: current.id, cycleId: found.cycle.id });
        await recordPlanEvent(
          tx,
          actor,
          found,
          'topic.pulled',
          { type: 'topic', id: current.id },
          { title: current.title },
        );
        return row!;
      });
      return { topic: presentTopic(row, null) };
    },
  );
};
