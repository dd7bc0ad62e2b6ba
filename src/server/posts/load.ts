import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { postAssets, posts, postVersions, slots } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { type CycleInClient, loadCycle } from '../planning/load.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { canViewPost } from '../policies/posts.ts';

export type PostRow = typeof posts.$inferSelect;
export type SlotRow = typeof slots.$inferSelect;
export interface PostInCycle extends CycleInClient {
  post: PostRow;
  slot: SlotRow;
}

/**
 * A post the actor may see, with its cycle, client and slot; 404 otherwise (a contact does not
 * learn of a post never sent to them). With `lock`, the cycle and then the post are locked, in
 * that order everywhere, so a status change and a plan change take turns.
 */
export async function loadPost(
  db: Executor,
  actor: Actor,
  postId: string,
  lock = false,
): Promise<PostInCycle> {
  const [ref] = await db.select({ cycleId: posts.cycleId }).from(posts).where(eq(posts.id, postId));
  if (!ref) throw notFound();
  const found = await loadCycle(db, actor, ref.cycleId, lock);
  const query = db.select().from(posts).where(eq(posts.id, postId));
  const [post] = lock ? await query.for('update') : await query;
  if (!post || !canViewPost(actor, found.client, post)) throw notFound();
  const [slot] = await db.select().from(slots).where(eq(slots.id, post.slotId));
  return { ...found, post, slot: slot! };
}

type Policy = (actor: Actor, found: PostInCycle) => boolean;

/** Load and lock a post for a change the policy must allow (403 when it does not). */
export async function loadPostForChange(db: Executor, actor: Actor, postId: string, allowed: Policy) {
  const found = await loadPost(db, actor, postId, true);
  if (!allowed(actor, found)) throw new AppError('forbidden');
  return found;
}

/**
 * Was this file sent to the client with a version of the post (with this revision, if given)?
 * A file taken off the post later still was: the bytes stay (removePostAsset) for that reason.
 */
export async function isSentAsset(db: Executor, postId: string, assetId: string, revision?: number) {
  const [sent] = await db
    .select({ revision: postVersions.revision })
    .from(postVersions)
    .where(
      and(
        eq(postVersions.postId, postId),
        revision === undefined ? undefined : eq(postVersions.revision, revision),
        sql`${postVersions.assets} @> ${JSON.stringify([{ id: assetId }])}::jsonb`,
      ),
    )
    .limit(1);
  return sent !== undefined;
}

/**
 * An asset and its post, if the actor may see the post (404 otherwise). A contact sees the post
 * as the versions sent to them: a file that went out with none of them (the writer's draft) is
 * not there for them, as if it did not exist.
 */
export async function loadPostAsset(db: Executor, actor: Actor, assetId: string) {
  const [asset] = await db.select().from(postAssets).where(eq(postAssets.id, assetId));
  if (!asset) throw notFound();
  const found = await loadPost(db, actor, asset.postId);
  if (!agencyRoleIn(actor, found.client.agencyId) && !(await isSentAsset(db, asset.postId, asset.id))) {
    throw notFound();
  }
  return { ...found, asset };
}
