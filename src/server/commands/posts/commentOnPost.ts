import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createCommentBody } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { postAssets, postComments } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { agencyRoleIn } from '../../policies/agency.ts';
import { anchorPhrase, readCopy } from '../../posts/copyDoc.ts';
import { recordPostEvent } from '../../posts/event.ts';
import { loadPostForChange } from '../../posts/load.ts';
import { notifyPostComment } from '../../posts/notify.ts';
import { mayComment } from './commentScope.ts';

/**
 * A comment on a post: on a phrase of the copy (kept as a position that follows later edits),
 * on the visual, or on the whole. A quote that no longer matches the copy answers 409.
 */
export function commentOnPost(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  postId: string,
  { revision, body, anchor }: z.output<typeof createCommentBody>,
): Promise<void> {
  return transact(ctx, async (tx) => {
    const found = await loadPostForChange(tx, actor, postId, mayComment);
    const { post } = found;
    const agency = agencyRoleIn(actor, found.client.agencyId) !== null;
    if (revision > post.revision || (!agency && revision !== post.revision))
      throw new AppError('post_outdated');
    let anchorFields: Partial<typeof postComments.$inferInsert> = {};
    if (anchor?.kind === 'text') {
      const copy = await readCopy(tx, post.id);
      try {
        const { text } = copy.layout;
        const at =
          text.slice(anchor.start, anchor.end) === anchor.quote
            ? anchorPhrase(copy.layout, anchor.start, anchor.end)
            : null;
        if (!at) {
          throw new AppError('post_outdated', {
            message: 'The text changed since you opened it; select the phrase again.',
          });
        }
        anchorFields = {
          anchorKind: 'text',
          anchorStart: at.start,
          anchorEnd: at.end,
          quote: anchor.quote,
        };
      } finally {
        copy.doc.destroy();
      }
    } else if (anchor?.kind === 'visual') {
      if (anchor.assetId) {
        const [asset] = await tx.select().from(postAssets).where(eq(postAssets.id, anchor.assetId));
        if (asset?.postId !== post.id) throw notFound();
      }
      anchorFields = { anchorKind: 'visual', assetId: anchor.assetId };
    }
    // The agency's notes on a post the client is not looking at are the team's own.
    const internal = agency && (post.status === 'draft' || post.status === 'internal_review');
    await tx.insert(postComments).values({
      postId: post.id,
      revision,
      round: post.round,
      body,
      ...anchorFields,
      authorId: actor.user.id,
      authorName: actor.user.name,
      side: agency ? 'agency' : 'client',
      internal,
    });
    await recordPostEvent(tx, actor, found, 'post.commented', {}, internal);
    await notifyPostComment(tx, actor, found, internal);
  });
}
