import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { logChangeBody } from '../../../shared/api/posts.ts';
import type { Format } from '../../../shared/roles.ts';
import { localParts } from '../../../shared/time.ts';
import type { Actor } from '../../auth/actor.ts';
import { seedState } from '../../collab/store.ts';
import type { Tx } from '../../db/connect.ts';
import {
  clientPlans,
  contingencies,
  postStatusChanges,
  posts,
  slots,
  topicPasses,
  topics,
  unplannedChanges,
} from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { todayIn } from '../../planning/cycleRules.ts';
import type { CycleInClient } from '../../planning/load.ts';
import { checkSlotPlace } from '../../planning/slotInput.ts';
import { copyDocument, textUpdate } from '../copyDoc.ts';
import { createPost } from '../create.ts';
import { recordPostEvent } from '../event.ts';

type Body = z.infer<typeof logChangeBody>;
type Requester = Pick<Body, 'urgency' | 'requesterSide' | 'requesterName' | 'reason'>;

/** A contingency of this month's client plans (404 for any other). */
export async function contingencyOfCycle(tx: Tx, cycleId: string, contingencyId: string) {
  const [row] = await tx
    .select({ contingency: contingencies })
    .from(contingencies)
    .innerJoin(clientPlans, eq(clientPlans.id, contingencies.planId))
    .where(and(eq(contingencies.id, contingencyId), eq(clientPlans.cycleId, cycleId)));
  if (!row) throw notFound();
  return row.contingency;
}

async function recordChange(
  tx: Tx,
  actor: Actor,
  found: CycleInClient,
  input: Requester & {
    kind: Body['kind'];
    postId: string | null;
    slotId: string | null;
    oldTopicId?: string | null;
    newTopicId?: string | null;
    contingencyId: string | null;
  },
) {
  const [row] = await tx
    .insert(unplannedChanges)
    .values({
      cycleId: found.cycle.id,
      ...input,
      covered: input.contingencyId !== null,
      happenedOn: todayIn(found.client.timezone),
      loggedById: actor.user.id,
      loggedByName: actor.user.name,
    })
    .returning();
  return row!;
}

/** A new accepted topic of this month (situational posts and new replacements are agreed on the spot). */
async function newMonthTopic(
  tx: Tx,
  actor: Actor,
  found: CycleInClient,
  topic: { title: string; angle: string },
  side: 'agency' | 'client',
) {
  const [last] = await tx
    .select({ p: max(topics.position) })
    .from(topics)
    .where(eq(topics.cycleId, found.cycle.id));
  const [row] = await tx
    .insert(topics)
    .values({
      clientId: found.client.id,
      cycleId: found.cycle.id,
      title: topic.title,
      angle: topic.angle,
      source: side,
      status: 'accepted',
      authorId: actor.user.id,
      authorName: actor.user.name,
      position: (last?.p ?? 0) + 1,
    })
    .returning();
  await tx.insert(topicPasses).values({ topicId: row!.id, cycleId: found.cycle.id });
  return row!;
}

/**
 * A situational post: a new topic in a new slot, with a draft post for it. Used for a logged
 * situational post and for an activated contingency (whose concept seeds the copy).
 */
export async function addSituationalPost(
  tx: Tx,
  actor: Actor,
  found: CycleInClient,
  place: { startsAt: string; channelId: string; format: Format },
  topic: { title: string; angle: string },
  side: 'agency' | 'client',
) {
  const local = localParts(new Date(place.startsAt), found.client.timezone);
  const startsAt = await checkSlotPlace(tx, found, {
    ...local,
    channelId: place.channelId,
    format: place.format,
    rubricId: null,
  });
  const created = await newMonthTopic(tx, actor, found, topic, side);
  const [slot] = await tx
    .insert(slots)
    .values({
      cycleId: found.cycle.id,
      startsAt,
      channelId: place.channelId,
      format: place.format,
      topicId: created.id,
    })
    .returning();
  const post = await createPost(tx, actor, found, slot!.id);
  return { topic: created, slot: slot!, post };
}

/** The copy of a new post starts from this text (the contingency's concept). */
export const seedCopy = (tx: Tx, postId: string, text: string) =>
  seedState(tx, copyDocument(postId), textUpdate(text));

/** A topic to bring in as a replacement: one of the reserve, or one this month has not used. */
async function incomingTopic(
  tx: Tx,
  actor: Actor,
  found: CycleInClient,
  body: Extract<Body, { kind: 'replacement' }>,
) {
  if (body.topic) return newMonthTopic(tx, actor, found, body.topic, body.requesterSide);
  if (!body.topicId) {
    throw new AppError('validation_failed', {
      fields: { topicId: 'Pick a topic from the reserve or write a new one.' },
    });
  }
  const [topic] = await tx
    .select()
    .from(topics)
    .where(and(eq(topics.id, body.topicId), eq(topics.clientId, found.client.id)));
  if (!topic || topic.status === 'dropped') throw notFound();
  const [placed] = await tx.select({ id: slots.id }).from(slots).where(eq(slots.topicId, topic.id));
  const usable = (topic.cycleId === null || topic.cycleId === found.cycle.id) && !placed;
  if (!usable) throw new AppError('conflict', { message: 'This topic is in another slot or month already.' });
  const [row] = await tx
    .update(topics)
    .set({
      cycleId: found.cycle.id,
      status: 'accepted',
      reservedAt: null,
      version: sql`${topics.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(topics.id, topic.id))
    .returning();
  if (topic.cycleId === null)
    await tx.insert(topicPasses).values({ topicId: topic.id, cycleId: found.cycle.id });
  return row!;
}

/**
 * A replacement: the post's topic swapped. The old topic goes back to the reserve (it was a
 * good idea, just not for now); the post returns to draft, since its copy is about to change.
 */
async function replaceTopic(
  tx: Tx,
  actor: Actor,
  found: CycleInClient,
  body: Extract<Body, { kind: 'replacement' }>,
) {
  const [post] = await tx
    .select()
    .from(posts)
    .where(and(eq(posts.id, body.postId), eq(posts.cycleId, found.cycle.id)))
    .for('update');
  if (!post) throw notFound();
  if (post.status === 'published')
    throw new AppError('conflict', {
      message: 'A published post is not replaced; log a situational post instead.',
    });
  const [old] = post.topicId ? await tx.select().from(topics).where(eq(topics.id, post.topicId)) : [];
  if (old) {
    await tx.update(slots).set({ topicId: null }).where(eq(slots.id, post.slotId));
    await tx
      .update(topics)
      .set({
        cycleId: null,
        status: 'parked',
        reservedAt: new Date(),
        version: sql`${topics.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(topics.id, old.id));
    await tx
      .update(topicPasses)
      .set({ leftAt: new Date(), leftAs: 'replaced' })
      .where(
        and(
          eq(topicPasses.topicId, old.id),
          eq(topicPasses.cycleId, found.cycle.id),
          isNull(topicPasses.leftAt),
        ),
      );
  }
  const incoming = await incomingTopic(tx, actor, found, body);
  await tx
    .update(slots)
    .set({ topicId: incoming.id, version: sql`${slots.version} + 1` })
    .where(eq(slots.id, post.slotId));
  const [row] = await tx
    .update(posts)
    .set({
      topicId: incoming.id,
      status: 'draft',
      approvedRevision: null,
      approvedRound: null,
      approvedAt: null,
      approvedById: null,
      approvedByName: null,
      version: sql`${posts.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(posts.id, post.id))
    .returning();
  if (post.status !== 'draft') {
    await tx.insert(postStatusChanges).values({
      postId: post.id,
      fromStatus: post.status,
      toStatus: 'draft',
      round: post.round,
      actorId: actor.user.id,
      actorName: actor.user.name,
      side: 'agency',
      note: body.reason,
    });
  }
  return { post: row!, oldTopicId: old?.id ?? null, newTopicId: incoming.id };
}

/** Log an unplanned change of the month; situational posts and replacements change the plan too. */
export async function logChange(tx: Tx, actor: Actor, found: CycleInClient, body: Body) {
  const requester = {
    urgency: body.urgency,
    requesterSide: body.requesterSide,
    requesterName: body.requesterName,
    reason: body.reason,
  };
  const contingencyId = body.contingencyId
    ? (await contingencyOfCycle(tx, found.cycle.id, body.contingencyId)).id
    : null;
  if (body.kind === 'situational') {
    const made = await addSituationalPost(tx, actor, found, body, body.topic, body.requesterSide);
    const change = await recordChange(tx, actor, found, {
      ...requester,
      kind: 'situational',
      postId: made.post.id,
      slotId: made.slot.id,
      newTopicId: made.topic.id,
      contingencyId,
    });
    await recordPostEvent(tx, actor, { ...found, post: made.post }, 'post.situational_added', {
      changeId: change.id,
    });
    return change;
  }
  if (body.kind === 'replacement') {
    const replaced = await replaceTopic(tx, actor, found, body);
    const change = await recordChange(tx, actor, found, {
      ...requester,
      kind: 'replacement',
      postId: replaced.post.id,
      slotId: replaced.post.slotId,
      oldTopicId: replaced.oldTopicId,
      newTopicId: replaced.newTopicId,
      contingencyId,
    });
    await recordPostEvent(tx, actor, { ...found, post: replaced.post }, 'post.replaced', {
      changeId: change.id,
    });
    return change;
  }
  const [post] = await tx
    .select()
    .from(posts)
    .where(and(eq(posts.id, body.postId), eq(posts.cycleId, found.cycle.id)));
  if (!post) throw notFound();
  const change = await recordChange(tx, actor, found, {
    ...requester,
    kind: 'same_day_rewrite',
    postId: post.id,
    slotId: post.slotId,
    // The topic it is about, so the log names the post without opening it.
    newTopicId: post.topicId,
    contingencyId,
  });
  await recordPostEvent(tx, actor, { ...found, post }, 'post.rewrite_logged', { changeId: change.id });
  return change;
}
