import { consumeEmailToken } from '../../auth/emailTokens.ts';
import { verifyEmail } from '../../auth/verifyEmail.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';

/**
 * Use up an emailed sign-in link; answers whose it was, to sign them in. Only the mailbox got
 * the link, so the first one verifies the address (ending whatever an invitation's holder set up).
 * The route stores the new session after this commits, so it is not among those ended.
 */
export async function redeemMagicLink(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  token: string,
): Promise<string> {
  const { userId, sockets } = await transact(ctx, async (tx) => {
    const id = await consumeEmailToken(tx, token, 'magic_link');
    return { userId: id, sockets: await verifyEmail(tx, id) };
  });
  if (sockets) await ctx.live.drop(sockets);
  return userId;
}
