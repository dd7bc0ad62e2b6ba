import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateTopicBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { topics } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { checkTopicRefs, refsAfterChange } from '../../planning/topicInput.ts';
import { canAddTopics } from '../../policies/plan.ts';
import { lockTopic, planOfTopic, slotOfTopic, type TopicRow } from './topicScope.ts';

/** Edit a topic, change its status or its place in the list (a stale version answers 409). */
export function editTopic(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  topicId: string,
  input: z.output<typeof updateTopicBody>,
): Promise<{ row: TopicRow; slotId: string | null }> {
  return transact(ctx, async (tx) => {
    const found = await planOfTopic(tx, actor, topicId, canAddTopics);
    const current = await lockTopic(tx, topicId, input.version);
    const { version, ...changes } = input;
    await checkTopicRefs(tx, found.client.id, refsAfterChange(current, changes));
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
        { title: row!.title, changed, ...(changes.status && { status: changes.status }) },
      );
    }
    return { row: row!, slotId: await slotOfTopic(tx, current.id) };
  });
}
