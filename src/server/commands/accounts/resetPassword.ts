import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { resetPasswordBody } from '../../../shared/api/me.ts';
import { checkEmailToken, consumeEmailToken } from '../../auth/emailTokens.ts';
import { endAccess } from '../../auth/endAccess.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { verifyEmail } from '../../auth/verifyEmail.ts';
import type { Context } from '../../context.ts';
import { users } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { tellPasswordChanged } from './tellPasswordChanged.ts';

/** Set a new password with an emailed link; answers whose it is, to sign them in. */
export async function resetPassword(
  ctx: Pick<Context, 'db' | 'env' | 'live' | 'log' | 'mailer'>,
  input: z.output<typeof resetPasswordBody>,
): Promise<string> {
  // The link before the hash: argon2 is slow on purpose, and a made-up token must not make the
  // server spend it. Hashed outside the transaction, which would hold its locks (and PGlite's
  // one connection) meanwhile; the transaction then uses the link up for real.
  await checkEmailToken(ctx.db, input.token, 'password_reset');
  const passwordHash = await hashPassword(input.password);
  const { userId, sockets, notice } = await transact(ctx, async (tx) => {
    const id = await consumeEmailToken(tx, input.token, 'password_reset');
    // Only the mailbox got the link, so the first one verifies the address: a password set
    // before is cleared, and the one set below is the person's.
    await verifyEmail(tx, id);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, id));
    // A reset means the old password may be known to someone else: every session ends, and
    // every other link, an older reset link included, is used up with this one (verifyEmail's
    // ending, if any, is a part of this one).
    const sockets = await endAccess(tx, { userId: id });
    const [user] = await tx.select().from(users).where(eq(users.id, id));
    return { userId: id, sockets, notice: await tellPasswordChanged(ctx, tx, user!) };
  });
  await ctx.live.drop(sockets);
  await ctx.mailer.deliver(notice);
  return userId;
}
