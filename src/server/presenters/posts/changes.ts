import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { UnplannedChange } from '../../../shared/api/posts.ts';
import type { Executor } from '../../db/connect.ts';
import { contingencies, posts, topics, unplannedChanges } from '../../db/schema/index.ts';
import type { Side } from '../../policies/side.ts';

const oldTopic = alias(topics, 'old_topic');
const newTopic = alias(topics, 'new_topic');

function select(db: Executor) {
  return db
    .select({
      change: unplannedChanges,
      oldTitle: oldTopic.title,
      newTitle: newTopic.title,
      concept: contingencies.concept,
      postRevision: posts.revision,
    })
    .from(unplannedChanges)
    .leftJoin(posts, eq(posts.id, unplannedChanges.postId))
    .leftJoin(oldTopic, eq(oldTopic.id, unplannedChanges.oldTopicId))
    .leftJoin(newTopic, eq(newTopic.id, unplannedChanges.newTopicId))
    .leftJoin(contingencies, eq(contingencies.id, unplannedChanges.contingencyId));
}
type Joined = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

/**
 * A change as one side reads it. A situational post the agency has not sent yet is the agency's:
 * a contact reads the change (it is in the shared plan) but not the post's id, which answers them
 * 404 until a version is sent.
 */
const present = (
  { change: c, oldTitle, newTitle, concept, postRevision }: Joined,
  audience: Side,
): UnplannedChange => ({
  id: c.id,
  cycleId: c.cycleId,
  kind: c.kind,
  urgency: c.urgency,
  requesterSide: c.requesterSide,
  requesterName: c.requesterName,
  reason: c.reason,
  postId: audience === 'agency' || (postRevision ?? 0) > 0 ? c.postId : null,
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

/**
 * A contact reads the changes people logged, not the same-day rewrites Plit noticed by itself:
 * those are the writer's edits of an approved post's live copy, which the client was not sent.
 */
const shownTo = (audience: Side) =>
  audience === 'agency' ? undefined : eq(unplannedChanges.detected, false);

export const changesOfCycle = async (db: Executor, cycleId: string, audience: Side) =>
  (
    await select(db)
      .where(and(eq(unplannedChanges.cycleId, cycleId), shownTo(audience)))
      .orderBy(desc(unplannedChanges.createdAt))
  ).map((row) => present(row, audience));

export const changesOfPost = async (db: Executor, postId: string, audience: Side) =>
  (
    await select(db)
      .where(and(eq(unplannedChanges.postId, postId), shownTo(audience)))
      .orderBy(desc(unplannedChanges.createdAt))
  ).map((row) => present(row, audience));

/** A change just logged, for the agency's managers who log them. */
export const changeById = async (db: Executor, id: string) =>
  present((await select(db).where(eq(unplannedChanges.id, id)))[0]!, 'agency');
