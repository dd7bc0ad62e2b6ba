import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { slots, topics } from '../../db/schema/index.ts';
import { notFound, staleVersion } from '../../errors.ts';
import { type CycleInClient, loadCycleForChange, scopeOfTopic } from '../../planning/load.ts';
import type { canAddTopics } from '../../policies/plan.ts';

export type TopicRow = typeof topics.$inferSelect;

/** Lock a topic for a change; with a version, a stale one answers 409. */
export async function lockTopic(tx: Executor, topicId: string, version?: number): Promise<TopicRow> {
  const [row] = await tx.select().from(topics).where(eq(topics.id, topicId)).for('update');
  if (!row) throw notFound();
  if (version !== undefined && row.version !== version) throw staleVersion();
  return row;
}

export async function slotOfTopic(tx: Executor, topicId: string): Promise<string | null> {
  const [row] = await tx.select({ id: slots.id }).from(slots).where(eq(slots.topicId, topicId));
  return row?.id ?? null;
}

/** The plan a topic in a cycle belongs to, checked for the change (404 out of reach, 403 not allowed). */
export async function planOfTopic(
  tx: Executor,
  actor: Actor,
  topicId: string,
  allowed: typeof canAddTopics,
): Promise<CycleInClient> {
  const scope = await scopeOfTopic(tx, topicId);
  if (!scope.cycleId) throw notFound();
  return loadCycleForChange(tx, actor, scope.cycleId, allowed);
}
