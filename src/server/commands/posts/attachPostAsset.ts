import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { postAssets } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { ReceiveUpload } from '../../files/http.ts';
import { transact } from '../../live/transact.ts';
import { recordPostEvent } from '../../posts/event.ts';
import { loadPost, type PostInCycle } from '../../posts/load.ts';
import { requireEditable } from './editablePost.ts';

/** A carousel holds 20 at most on the networks that have them; a few more for alternatives. */
export const MAX_ASSETS_PER_POST = 30;

/** The post, locked, if its editor may add a file to it and it has room for one more. */
async function loadEditable(tx: Tx, actor: Actor, postId: string): Promise<PostInCycle> {
  const found = await loadPost(tx, actor, postId, true);
  requireEditable(actor, found);
  const held = await tx
    .select({ id: postAssets.id })
    .from(postAssets)
    .where(and(eq(postAssets.postId, postId), isNull(postAssets.removedAt)));
  if (held.length >= MAX_ASSETS_PER_POST) {
    throw new AppError('too_many_files', { message: 'This post has as many files as it can hold.' });
  }
  return found;
}

/** Attach a photo, video or layout to a post, stored first and then recorded. */
export async function attachPostAsset(
  ctx: Pick<Context, 'db' | 'live' | 'log' | 'files'>,
  actor: Actor,
  postId: string,
  receive: ReceiveUpload,
): Promise<void> {
  // Checked before the bytes arrive and again before the row is written (no lock held meanwhile).
  const { client } = await ctx.db.transaction((tx) => loadEditable(tx as Tx, actor, postId));
  const received = await receive(client.id);
  try {
    await transact(ctx, async (tx) => {
      const found = await loadEditable(tx, actor, postId);
      const [row] = await tx
        .insert(postAssets)
        .values({
          postId,
          storageKey: received.key,
          name: received.name,
          contentType: received.type.mime,
          size: received.bytes,
          sha256: received.sha256,
          uploadedBy: actor.user.id,
        })
        .returning();
      await recordPostEvent(tx, actor, found, 'post.asset_added', {
        assetId: row!.id,
        name: received.name,
      });
    });
  } catch (error) {
    // Nothing half-way: a file whose row did not commit is removed again.
    await ctx.files.remove(received.key).catch(() => {});
    throw error;
  }
}
