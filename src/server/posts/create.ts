import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Tx } from '../db/connect.ts';
import { posts, slots } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { CycleInClient } from '../planning/load.ts';
import { recordPostEvent } from './event.ts';

/** Start the post of a slot: it takes the slot's topic. One post per slot (the database's rule). */
export async function createPost(tx: Tx, actor: Actor, found: CycleInClient, slotId: string) {
  const [slot] = await tx
    .select()
    .from(slots)
    .where(and(eq(slots.id, slotId), eq(slots.cycleId, found.cycle.id)));
  if (!slot) throw notFound();
  if (!slot.topicId) {
    throw new AppError('conflict', {
      message: 'Put a topic in this slot first: a post is written about a topic.',
      fields: { slotId: 'The slot has no topic' },
    });
  }
  const [post] = await tx
    .insert(posts)
    .values({
      cycleId: found.cycle.id,
      clientId: found.client.id,
      slotId: slot.id,
      topicId: slot.topicId,
      createdById: actor.user.id,
    })
    .onConflictDoNothing({ target: posts.slotId })
    .returning();
  if (!post) throw new AppError('slot_has_post');
  await recordPostEvent(tx, actor, { ...found, post }, 'post.created', { slotId: slot.id });
  return post;
}
