import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../shared/api/common.ts';
import {
  createSlotBody,
  duplicateSlotBody,
  placeTopicBody,
  slot,
  updateSlotBody,
} from '../../shared/api/planning.ts';
import { localParts } from '../../shared/time.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { posts, slots, topics } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { type CycleInClient, cycleIdOfSlot, loadCycleForChange } from '../planning/load.ts';
import { recordPlanEvent } from '../planning/planEvent.ts';
import { checkSlotPlace } from '../planning/slotInput.ts';
import { requireActor } from '../plugins/auth.ts';
import { canEditPlan } from '../policies/plan.ts';
import { presentSlot } from '../presenters/plan.ts';

const tags = ['schedule'];
const cycleParams = z.object({ cycleId: z.uuid() });
const params = z.object({ slotId: z.uuid() });
const one = z.object({ slot });

async function loadSlot(tx: Executor, found: CycleInClient, slotId: string, version?: number) {
  const [row] = await tx
    .select()
    .from(slots)
    .where(and(eq(slots.id, slotId), eq(slots.cycleId, found.cycle.id)))
    .for('update');
  if (!row) throw notFound();
  if (version !== undefined && row.version !== version) throw staleVersion();
  return row;
}

type SlotRow = typeof slots.$inferSelect;

/** A slot's place with some of it changed: what is not given stays as it is (local date and time). */
function placeOf(
  current: SlotRow,
  timezone: string,
  changes: {
    date?: string | undefined;
    time?: string | undefined;
    channelId?: string | undefined;
    format?: SlotRow['format'] | undefined;
    rubricId?: string | null | undefined;
  },
) {
  const local = localParts(current.startsAt, timezone);
  return {
    date: changes.date ?? local.date,
    time: changes.time ?? local.time,
    channelId: changes.channelId ?? current.channelId,
    format: changes.format ?? current.format,
    rubricId: changes.rubricId === undefined ? current.rubricId : changes.rubricId,
  };
}

export const slotRoutes: RouteModule = (app, ctx) => {
  /** Load a slot's plan for a change: 404 for a slot out of reach, 403 without the right. */
  const planOfSlot = async (
    tx: Executor,
    request: { params: { slotId: string } },
    actor: ReturnType<typeof requireActor>,
  ) => loadCycleForChange(tx, actor, await cycleIdOfSlot(tx, request.params.slotId), canEditPlan);

  app.post(
    '/api/cycles/:cycleId/slots',
    {
      schema: {
        tags,
        summary: 'Add a slot to the posting schedule',
        params: cycleParams,
        body: createSlotBody,
        response: { 201: one },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { row, tz } = await transact(ctx, async (tx) => {
        const found = await loadCycleForChange(tx, actor, request.params.cycleId, canEditPlan);
        const rubricId = request.body.rubricId ?? null;
        const startsAt = await checkSlotPlace(tx, found, { ...request.body, rubricId });
        const [row] = await tx
          .insert(slots)
          .values({
            cycleId: found.cycle.id,
            startsAt,
            channelId: request.body.channelId,
            format: request.body.format,
            rubricId,
          })
          .returning();
        await recordPlanEvent(
          tx,
          actor,
          found,
          'slot.created',
          { type: 'slot', id: row!.id },
          { date: request.body.date, time: request.body.time },
        );
        return { row: row!, tz: found.client.timezone };
      });
      return reply.status(201).send({ slot: presentSlot(row, tz) });
    },
  );

  app.patch(
    '/api/slots/:slotId',
    {
      schema: {
        tags,
        summary: 'Move or change a slot (date, time, channel, format, rubric)',
        params,
        body: updateSlotBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { row, tz } = await transact(ctx, async (tx) => {
        const found = await planOfSlot(tx, request, actor);
        const current = await loadSlot(tx, found, request.params.slotId, request.body.version);
        const place = placeOf(current, found.client.timezone, request.body);
        const startsAt = await checkSlotPlace(tx, found, place);
        const [row] = await tx
          .update(slots)
          .set({
            startsAt,
            channelId: place.channelId,
            format: place.format,
            rubricId: place.rubricId,
            version: current.version + 1,
          })
          .where(eq(slots.id, current.id))
          .returning();
        await recordPlanEvent(
          tx,
          actor,
          found,
          'slot.updated',
          { type: 'slot', id: current.id },
          { date: place.date, time: place.time },
        );
        return { row: row!, tz: found.client.timezone };
      });
      return { slot: presentSlot(row, tz) };
    },
  );

  app.delete(
    '/api/slots/:slotId',
    {
      schema: { tags, summary: 'Remove a slot (its topic stays in the plan)', params, response: { 200: ok } },
    },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const found = await planOfSlot(tx, request, actor);
        const current = await loadSlot(tx, found, request.params.slotId);
        await tx.delete(slots).where(eq(slots.id, current.id));
        await recordPlanEvent(tx, actor, found, 'slot.deleted', { type: 'slot', id: current.id });
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/slots/:slotId/duplicate',
    {
      schema: {
        tags,
        summary: 'Copy a slot (without its topic), on the same or another date',
        params,
        body: duplicateSlotBody,
        response: { 201: one },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { row, tz } = await transact(ctx, async (tx) => {
        const found = await planOfSlot(tx, request, actor);
        const source = await loadSlot(tx, found, request.params.slotId);
        const place = placeOf(source, found.client.timezone, {
          date: request.body.date,
          time: request.body.time,
        });
        const startsAt = await checkSlotPlace(tx, found, place);
        const [row] = await tx
          .insert(slots)
          .values({ ...place, cycleId: found.cycle.id, startsAt })
          .returning();
        await recordPlanEvent(
          tx,
          actor,
          found,
          'slot.created',
          { type: 'slot', id: row!.id },
          { date: place.date, time: place.time, copyOf: source.id },
        );
        return { row: row!, tz: found.client.timezone };
      });
      return reply.status(201).send({ slot: presentSlot(row, tz) });
    },
  );

  app.put(
    '/api/slots/:slotId/topic',
    {
      schema: {
        tags,
        summary: 'Put a topic in a slot (moving it from another slot), or take it out',
        params,
        body: placeTopicBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { row, tz } = await transact(ctx, async (tx) => {
        const found = await planOfSlot(tx, request, actor);
        const current = await loadSlot(tx, found, request.params.slotId, request.body.version);
        const { topicId } = request.body;
        if (topicId) {
          const [topic] = await tx
            .select()
            .from(topics)
            .where(and(eq(topics.id, topicId), eq(topics.clientId, found.client.id)));
          if (!topic) throw notFound();
          if (topic.cycleId !== found.cycle.id) {
            throw new AppError('conflict', {
              message: 'This topic is not in this month’s plan. Pull it into the plan first.',
            });
          }
          if (current.topicId && current.topicId !== topicId) throw new AppError('slot_taken');
          if (current.topicId !== topicId) {
            const holding = await tx.select({ id: slots.id }).from(slots).where(eq(slots.topicId, topicId));
            await refuseWhenWritten(tx, [current.id, ...holding.map((h) => h.id)]);
          }
          // A topic sits in one slot: dragging it here takes it out of the one it was in.
          await tx
            .update(slots)
            .set({ topicId: null, version: sql`${slots.version} + 1` })
            .where(and(eq(slots.topicId, topicId), ne(slots.id, current.id)));
        }
        if (!topicId && current.topicId) await refuseWhenWritten(tx, [current.id]);
        const [row] = await tx
          .update(slots)
          .set({ topicId, version: current.version + 1 })
          .where(eq(slots.id, current.id))
          .returning();
        await recordPlanEvent(
          tx,
          actor,
          found,
          topicId ? 'slot.topic_placed' : 'slot.topic_removed',
          { type: 'slot', id: current.id },
          {
            topicId: topicId ?? current.topicId,
          },
        );
        return { row: row!, tz: found.client.timezone };
      });
      return { slot: presentSlot(row, tz) };
    },
  );
};

/**
 * A slot with a post keeps its topic: swapping it then is a replacement, logged as an
 * unplanned change (which also moves the post), not a drag in the schedule.
 */
async function refuseWhenWritten(tx: Executor, slotIds: string[]) {
  const [written] = await tx.select({ id: posts.id }).from(posts).where(inArray(posts.slotId, slotIds));
  if (written) {
    throw new AppError('conflict', {
      message: 'This slot already has a post. To swap its topic, log a replacement in Unplanned changes.',
    });
  }
}
