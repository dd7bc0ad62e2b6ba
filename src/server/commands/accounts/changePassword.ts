import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { changePasswordBody } from '../../../shared/api/me.ts';
import type { Actor } from '../../auth/actor.ts';
import { endAccess } from '../../auth/endAccess.ts';
import { reserveLoginAttempt, settleLoginAttempt } from '../../auth/loginLimits.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import type { Context } from '../../context.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { tellPasswordChanged } from './tellPasswordChanged.ts';

/**
 * Set a first password, or change it (the current one is asked for when there is one). A new
 * password is often set because the old one may be known: every other session, emailed link
 * and socket of the person ends; the session that set it stays. The person is told by email.
 */
export async function changePassword(
  ctx: Pick<Context, 'db' | 'env' | 'live' | 'log' | 'mailer'>,
  actor: Actor,
  input: z.output<typeof changePasswordBody>,
  /** Who asks (`clientKey`) and the browser's device secrets: for the login limits. */
  asker: { ip: string; deviceTokens: string[] },
): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.user.id)).limit(1);
  if (!user) throw new AppError('unauthenticated');
  if (user.passwordHash) {
    // A guess at the current password is a guess at the password: it counts against the same
    // limits as a login (per account from anywhere, per address, per known device), so a
    // stolen session cannot try passwords faster than the login page lets anyone.
    const attemptId = await reserveLoginAttempt(ctx.db, user.email, asker.ip, asker.deviceTokens);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword ?? ''))) {
      // A form answer, not 401: the person is signed in, and a 401 would send them to the login page.
      throw new AppError('validation_failed', {
        message: 'currentPassword: The current password is wrong.',
        fields: { currentPassword: 'The current password is wrong.' },
      });
    }
    await settleLoginAttempt(ctx.db, attemptId);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const { sockets, notice } = await transact(ctx, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    return {
      sockets: await endAccess(tx, { userId: user.id, keepSessionId: actor.sessionId }),
      notice: await tellPasswordChanged(ctx, tx, user),
    };
  });
  await ctx.live.drop(sockets);
  await ctx.mailer.deliver(notice);
}
