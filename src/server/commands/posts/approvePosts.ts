import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { approvePostsBody, approvePostsResult } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { Executor } from '../../db/connect.ts';
import { postComments, posts } from '../../db/schema/index.ts';
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
  await refuseOpenComments(ctx.db, cycleId, input.posts);
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

/**
 * A comment still open on a post is a question nobody answered: approving it in a batch
 * without a word buried it. Refuse, naming the posts (post id: open comments), unless the
 * approver was shown that many and approves anyway (`openComments` per post): a comment added
 * since they looked is asked about again. Comments the client cannot see (internal) do not count.
 */
async function refuseOpenComments(
  db: Executor,
  cycleId: string,
  chosen: ReadonlyArray<{ postId: string; openComments: number }>,
) {
  const postIds = chosen.map((p) => p.postId);
  const seen = new Map(chosen.map((p) => [p.postId, p.openComments]));
  const open = await db
    .select({ postId: postComments.postId, n: count() })
    .from(postComments)
    .innerJoin(posts, eq(posts.id, postComments.postId))
    .where(
      and(
        inArray(postComments.postId, postIds),
        eq(posts.cycleId, cycleId),
        eq(posts.status, 'client_review'),
        isNull(postComments.resolvedAt),
        eq(postComments.internal, false),
      ),
    )
    .groupBy(postComments.postId);
  const unseen = open.filter((o) => o.n > (seen.get(o.postId) ?? 0));
  if (unseen.length === 0) return;
  throw new AppError('open_comments', {
    fields: Object.fromEntries(unseen.map((o) => [o.postId, String(o.n)])),
  });
}
