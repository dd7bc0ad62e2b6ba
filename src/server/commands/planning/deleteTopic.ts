import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { topics } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { canEditPlan } from '../../policies/plan.ts';
import { lockTopic, planOfTopic } from './topicScope.ts';

/** Delete a topic for good (parking keeps it in the reserve instead). */
export function deleteTopic(ctx: Pick<Context, 'db' | 'live' | 'log'>, actor: Actor, topicId: string) {
  return transact(ctx, async (tx) => {
    const found = await planOfTopic(tx, actor, topicId, canEditPlan);
    const current = await lockTopic(tx, topicId);
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
}
