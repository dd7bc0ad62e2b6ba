import type { Actor } from '../../auth/actor.ts';
import { AppError } from '../../errors.ts';
import { agencyRoleIn } from '../../policies/agency.ts';
import { canEditPost } from '../../policies/posts.ts';
import type { PostInCycle } from '../../posts/load.ts';

/** An editor may not change a post the client is reading (or one already out). */
export function requireEditable(actor: Actor, found: PostInCycle) {
  if (canEditPost(actor, found.client, found.cycle, found.post)) return;
  const agency = agencyRoleIn(actor, found.client.agencyId) !== null;
  const locked = found.post.status === 'client_review' || found.post.status === 'published';
  throw new AppError(agency && locked ? 'post_locked' : 'forbidden');
}
