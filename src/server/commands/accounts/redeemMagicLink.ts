import { consumeEmailToken } from '../../auth/emailTokens.ts';
import type { Context } from '../../context.ts';

/** Use up an emailed sign-in link; answers whose it was, to sign them in. */
export function redeemMagicLink(ctx: Pick<Context, 'db'>, token: string): Promise<string> {
  return consumeEmailToken(ctx.db, token, 'magic_link');
}
