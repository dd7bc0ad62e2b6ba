import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { UnplannedChange } from '../../../shared/api/posts.ts';
import type { Executor } from '../../db/connect.ts';
import { contingencies, topics, unplannedChanges } from '../../db/schema/index.ts';

const oldTopic = alias(topics, 'old_topic');
const newTopic = alias(topics, 'new_topic');

function select(db: Executor) {
  return db
    .select({
      change: unplannedChanges,
      oldTitle: oldTopic.title,
      newTitle: newTopic.title,
      concept: contingencies.concept,
    })
    .from(unplannedChanges)
    .leftJoin(oldTopic, eq(oldTopic.id, unplannedChanges.oldTopicId))
    .leftJoin(newTopic, eq(newTopic.id, unplannedChanges.newTopicId))
    .leftJoin(contingencies, eq(contingencies.id, unplannedChanges.contingencyId));
}
type Joined = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

const present = ({ change: c, oldTitle, newTitle, concept }: Joined): UnplannedChange => ({
  id: c.id,
  cycleId: c.cycleId,
  kind: c.kind,
  urgency: c.urgency,
  requesterSide: c.requesterSide,
  requesterName: c.requesterName,
  reason: c.reason,
  postId: c.postId,
  slotId: c.slotId,
  oldTopicId: c.oldTopicId,
  oldTopicTitle: oldTitle,
  newTopicId: c.newTopicId,
  newTopicTitle: newTitle,
  contingencyId: c.contingencyId,
  contingencyConcept: concept,
  covered: c.covered,
  detected: c.detected,
  happenedOn: c.happenedOn,
  loggedByName: c.loggedByName,
  createdAt: c.createdAt.toISOString(),
});

export const changesOfCycle = async (db: Executor, cycleId: string) =>
  (
    await select(db).where(eq(unplannedChanges.cycleId, cycleId)).orderBy(desc(unplannedChanges.createdAt))
  ).map(present);

export const changesOfPost = async (db: Executor, postId: string) =>
  (await select(db).where(eq(unplannedChanges.postId, postId)).orderBy(desc(unplannedChanges.createdAt))).map(
    present,
  );

export const changeById = async (db: Executor, id: string) =>
  present((await select(db).where(eq(unplannedChanges.id, id)))[0]!);
