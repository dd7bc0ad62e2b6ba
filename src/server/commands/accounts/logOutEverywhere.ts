import type { Actor } from '../../auth/actor.ts';
import { endAccess } from '../../auth/endAccess.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';

/** End every session of the actor, the emailed links that would sign them in again, and their sockets. */
export async function logOutEverywhere(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
): Promise<void> {
  const sockets = await transact(ctx, (tx) => endAccess(tx, { userId: actor.user.id }));
  await ctx.live.drop(sockets);
}
