import { and, count, eq, gt } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { loginAttempts } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

const WINDOW_MS = 15 * 60_000;
/** Failed passwords for one account before it is paused: slows guessing, barely bothers a person. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures from one address, on any accounts: stops spraying many accounts from one place. */
export const MAX_FAILURES_PER_IP = 30;

/** Counted in the database, so the limits hold across restarts and several server processes. */
export async function assertLoginAllowed(db: Executor, email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [perAccount] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, since),
      ),
    );
  const [perIp] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)),
    );
  if ((perAccount?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (perIp?.n ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new AppError('rate_limited', {
      message: 'Too many login attempts. Wait 15 minutes, or reset your password.',
      headers: { 'retry-after': String(WINDOW_MS / 1000) },
    });
  }
}

export async function recordLoginAttempt(db: Executor, email: string, ip: string, succeeded: boolean) {
  await db.insert(loginAttempts).values({ email, ip, succeeded });
}
