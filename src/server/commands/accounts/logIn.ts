import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { loginBody } from '../../../shared/api/me.ts';
import { reserveLoginAttempt, settleLoginAttempt } from '../../auth/loginLimits.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import type { Context } from '../../context.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

/** Check an email and password (counting the attempt); answers who logged in, for the session. */
export async function logIn(
  ctx: Pick<Context, 'db'>,
  input: z.output<typeof loginBody>,
  ip: string,
  deviceTokens: string[],
): Promise<string> {
  const { email, password } = input;
  // Reserved before the check, so concurrent guesses cannot all slip under the limit.
  const attemptId = await reserveLoginAttempt(ctx.db, email, ip, deviceTokens);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid) throw new AppError('invalid_credentials');
  await settleLoginAttempt(ctx.db, attemptId);
  return user.id;
}
