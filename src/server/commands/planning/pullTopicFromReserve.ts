import { eq, max } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { topicPasses, topics } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { canEditPlan } from '../../policies/plan.ts';
import { lockTopic, type TopicRow } from './topicScope.ts';

/** A reserve topic back into a month's plan, at the end of its list, as proposed. */
export function pullTopicFromReserve(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  topicId: string,
  input: { cycleId: string; version: number },
): Promise<TopicRow> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, input.cycleId, canEditPlan);
    const current = await lockTopic(tx, topicId, input.version);
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
}
