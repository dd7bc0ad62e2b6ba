import type { z } from 'zod';
import type { movePostBody } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';
import { copyDocument } from '../../posts/copyDoc.ts';
import { loadPostForChange } from '../../posts/load.ts';
import { movePost } from '../../posts/move.ts';

/**
 * Move a post: send it for review, take it back, approve it, ask for changes, mark it published.
 * Open copy editors reconnect after the move, in every process, so the server decides again
 * whether they may write: a post sent to the client turns read-only at once.
 */
export async function changePostStatus(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  postId: string,
  input: z.output<typeof movePostBody>,
): Promise<void> {
  await transact(ctx, async (tx) => {
    const found = await loadPostForChange(tx, actor, postId, () => true);
    await movePost(tx, actor, found, input);
  });
  ctx.live.publishControl('collab-close', copyDocument(postId));
}
