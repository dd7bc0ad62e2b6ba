import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { loadCycle } from '../../planning/load.ts';
import { agencyRoleIn } from '../../policies/agency.ts';
import { canCreatePost } from '../../policies/posts.ts';
import { createPost } from '../../posts/create.ts';

/** Start the post of a slot, from the slot's topic; answers the new post's id. */
export function startPost(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  slotId: string,
): Promise<string> {
  return transact(ctx, async (tx) => {
    const found = await loadCycle(tx, actor, cycleId, true);
    if (!canCreatePost(actor, found.client, found.cycle)) {
      throw new AppError(agencyRoleIn(actor, found.client.agencyId) ? 'conflict' : 'forbidden', {
        message: 'Posts are written once the fact request has gone out, until the month closes.',
      });
    }
    return (await createPost(tx, actor, found, slotId)).id;
  });
}
