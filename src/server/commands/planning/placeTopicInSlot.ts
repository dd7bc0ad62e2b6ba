import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { placeTopicBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { slots, topics } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { lockSlot, planOfSlot, refuseWhenWritten, type SlotInZone } from './slotScope.ts';

/** Put a topic of this month's plan in a slot (taking it out of the one it was in), or take it out. */
export function placeTopicInSlot(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  slotId: string,
  input: z.output<typeof placeTopicBody>,
): Promise<SlotInZone> {
  return transact(ctx, async (tx) => {
    const found = await planOfSlot(tx, actor, slotId);
    const current = await lockSlot(tx, found, slotId, input.version);
    const { topicId } = input;
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
    return { row: row!, timezone: found.client.timezone };
  });
}
