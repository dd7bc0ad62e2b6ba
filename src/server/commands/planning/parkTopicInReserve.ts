import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';
import { parkTopic } from '../../planning/parkTopic.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { canEditPlan } from '../../policies/plan.ts';
import { lockTopic, planOfTopic, type TopicRow } from './topicScope.ts';

/** Out of this month's plan (and its slot), into the client's reserve. */
export function parkTopicInReserve(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  topicId: string,
  version: number,
): Promise<TopicRow> {
  return transact(ctx, async (tx) => {
    const found = await planOfTopic(tx, actor, topicId, canEditPlan);
    const current = await lockTopic(tx, topicId, version);
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
}
