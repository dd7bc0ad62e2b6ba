import type { Actor } from '../../auth/actor.ts';
import { canCommentOnPost } from '../../policies/posts.ts';
import type { PostInCycle } from '../../posts/load.ts';

/** Who may comment on a post (and resolve its comments), as a policy of loadPostForChange. */
export const mayComment = (actor: Actor, f: PostInCycle) =>
  canCommentOnPost(actor, f.client, f.cycle, f.post);
