import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { postComments } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { agencyRoleIn } from '../../policies/agency.ts';
import { recordPostEvent } from '../../posts/event.ts';
import { loadPostForChange } from '../../posts/load.ts';
import { mayComment } from './commentScope.ts';

/** Resolve a comment (or open it again); answers the id of its post. */
export async function resolvePostComment(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  commentId: string,
  resolved: boolean,
): Promise<string> {
  const [comment] = await ctx.db
    .select({ postId: postComments.postId, internal: postComments.internal })
    .from(postComments)
    .where(eq(postComments.id, commentId));
  if (!comment) throw notFound();
  await transact(ctx, async (tx) => {
    const found = await loadPostForChange(tx, actor, comment.postId, mayComment);
    if (comment.internal && agencyRoleIn(actor, found.client.agencyId) === null) throw notFound();
    await tx
      .update(postComments)
      .set({
        resolvedAt: resolved ? new Date() : null,
        resolvedByName: resolved ? actor.user.name : null,
      })
      .where(eq(postComments.id, commentId));
    await recordPostEvent(tx, actor, found, 'post.comment_resolved', { resolved }, comment.internal);
  });
  return comment.postId;
}
