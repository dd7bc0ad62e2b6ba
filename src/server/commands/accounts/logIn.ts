import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { loginBody } from '../../../shared/api/me.ts';
import { reserveLoginAttempt, settleLoginAttempt } from '../../auth/loginLimits.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { createSession, type NewSession, type SessionOrigin } from '../../auth/sessions.ts';
import type { Context } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

/**
 * Store a session only if the password just checked is still the account's. The check takes
 * argon2's time; meanwhile a reset, a new password or the mailbox's first link (`verifyEmail`)
 * may have cleared or replaced it and ended the sessions, and a session stored after that would
 * outlive the ending. The row lock makes the two take turns: either this session exists before
 * the ending deletes it, or the ending comes first and this finds another password.
 */
export async function sessionIfPasswordStill(
  db: Db,
  userId: string,
  checkedHash: string,
  days: number,
  origin: SessionOrigin,
): Promise<NewSession | null> {
  return db.transaction(async (tx) => {
    const [still] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.passwordHash, checkedHash)))
      .for('share');
    return still ? createSession(tx, userId, days, origin) : null;
  });
}

/** Check an email and password (counting the attempt); answers who logged in, with their new session. */
export async function logIn(
  ctx: Pick<Context, 'db' | 'env'>,
  input: z.output<typeof loginBody>,
  ip: string,
  origin: SessionOrigin,
  deviceTokens: string[],
): Promise<{ userId: string; session: NewSession }> {
  const { email, password } = input;
  // Reserved before the check, so concurrent guesses cannot all slip under the limit.
  const attemptId = await reserveLoginAttempt(ctx.db, email, ip, deviceTokens);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user?.passwordHash || !valid) throw new AppError('invalid_credentials');
  const session = await sessionIfPasswordStill(
    ctx.db,
    user.id,
    user.passwordHash,
    ctx.env.SESSION_DAYS,
    origin,
  );
  if (!session) throw new AppError('invalid_credentials');
  await settleLoginAttempt(ctx.db, attemptId);
  return { userId: user.id, session };
}
