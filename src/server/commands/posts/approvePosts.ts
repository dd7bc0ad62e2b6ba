import type { z } from 'zod';
import type { approvePostsBody, approvePostsResult } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { loadCycle } from '../../planning/load.ts';
import { loadPost } from '../../posts/load.ts';
import { movePost } from '../../posts/move.ts';

type Results = z.infer<typeof approvePostsResult>['results'];

/** A client's approver approves several posts of a month at once; each answers for itself. */
export async function approvePosts(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof approvePostsBody>,
): Promise<Results> {
  const { client, cycle } = await loadCycle(ctx.db, actor, cycleId);
  if (actor.contactOf.get(client.id)?.role !== 'approver' || cycle.stage === 'closed') {
    throw new AppError('forbidden', { message: "Only the client's approvers approve posts." });
  }
  const results: Results = [];
  // One transaction per post: an outdated one does not undo the others.
  for (const { postId, revision } of input.posts) {
    const outcome = await transact(ctx, async (tx) => {
      const found = await loadPost(tx, actor, postId, true);
      if (found.cycle.id !== cycleId) throw notFound();
      if (found.post.status === 'approved' && found.post.revision === revision) return 'already_approved';
      if (found.post.revision !== revision) return 'outdated';
      if (found.post.status !== 'client_review') return 'not_in_review';
      await movePost(tx, actor, found, { to: 'approved', revision });
      return 'approved';
    });
    results.push({ postId, outcome });
  }
  return results;
}
