import type { Context } from '../../context.ts';
import { linkRequests } from '../../db/schema/index.ts';

/**
 * Ask for a magic sign-in or password-reset link. The same single insert whatever the address:
 * nothing here depends on whether an account exists, so the answer takes the same time for an
 * account and for nobody. The mail worker looks the address up later (`mail/linkRequests.ts`).
 */
export async function requestEmailLink(
  ctx: Pick<Context, 'db' | 'mailQueue'>,
  kind: 'magic_link' | 'password_reset',
  email: string,
  ip: string,
  /** Where a sign-in link should land (a checked path of this site). */
  next?: string,
): Promise<void> {
  await ctx.db.insert(linkRequests).values({ kind, email, ip, next: next ?? null });
  ctx.mailQueue.wake();
}
