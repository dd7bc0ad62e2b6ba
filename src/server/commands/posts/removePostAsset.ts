import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { postAssets } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordPostEvent } from '../../posts/event.ts';
import { loadPost, loadPostAsset } from '../../posts/load.ts';
import { requireEditable } from './editablePost.ts';

/** Take an asset off a post that is not with the client; answers the id of its post. */
export function removePostAsset(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  assetId: string,
): Promise<string> {
  return transact(ctx, async (tx) => {
    const { asset } = await loadPostAsset(tx, actor, assetId);
    const found = await loadPost(tx, actor, asset.postId, true);
    requireEditable(actor, found);
    if (asset.removedAt) throw notFound();
    // The bytes stay: a version sent earlier still shows this file in the post's history.
    await tx.update(postAssets).set({ removedAt: new Date() }).where(eq(postAssets.id, asset.id));
    await recordPostEvent(tx, actor, found, 'post.asset_removed', { name: asset.name });
    return asset.postId;
  });
}
