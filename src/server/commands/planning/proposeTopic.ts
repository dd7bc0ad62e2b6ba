import { eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTopicBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { topicPasses, topics } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { checkTopicRefs } from '../../planning/topicInput.ts';
import { canAddTopics } from '../../policies/plan.ts';
import type { TopicRow } from './topicScope.ts';

/** A new topic at the end of a month's list; its source is the proposer's side unless said. */
export function proposeTopic(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof createTopicBody>,
): Promise<TopicRow> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canAddTopics);
    await checkTopicRefs(tx, found.client.id, input);
    const [last] = await tx
      .select({ p: max(topics.position) })
      .from(topics)
      .where(eq(topics.cycleId, found.cycle.id));
    const inTeam = actor.agency?.id === found.client.agencyId;
    const [row] = await tx
      .insert(topics)
      .values({
        ...input,
        clientId: found.client.id,
        cycleId: found.cycle.id,
        source: input.source ?? (inTeam ? 'agency' : 'client'),
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
}
