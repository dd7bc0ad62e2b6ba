import { and, count, eq, gt, max, sql } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { loginAttempts } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

const WINDOW_MS = 15 * 60_000;
/**
 * Failed passwords for one account from one address before that pair is paused. Counted per
 * pair, not per account: a stranger's failures from elsewhere never lock the person out.
 */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures from one address, on any accounts: stops spraying many accounts from one place. */
export const MAX_FAILURES_PER_IP = 30;
/** The first pause over a limit; each further refusal doubles it (up to the counting window). */
const FIRST_PAUSE_MS = 30_000;

/** Password checks made, for tests to prove refused attempts never reach the check. */
export const loginChecks = { count: 0 };

/** How long a key over its limit stays paused after its latest failure (or refusal). */
function pauseMs(failures: number, limit: number): number {
  return Math.min(FIRST_PAUSE_MS * 2 ** (failures - limit), WINDOW_MS);
}

/**
 * Reserve one password check for this account and address, or refuse with 429. The count, the
 * decision and the reservation happen in one transaction under a lock on the address (both
 * limits involve it), so concurrent attempts take turns and at most the limit get through.
 * The reservation is stored as a failure; `settleLoginAttempt` marks it a success after.
 * A refusal is stored too, so each one doubles the next `Retry-After`; nobody sleeps on a
 * connection meanwhile.
 */
export async function reserveLoginAttempt(db: Executor, email: string, ip: string): Promise<number> {
  const since = new Date(Date.now() - WINDOW_MS);
  const outcome = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plit:login:${ip}`}))`);
    const failed = (...where: Parameters<typeof and>) =>
      tx
        .select({ n: count(), last: max(loginAttempts.createdAt) })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since), ...where));
    const [pair] = await failed(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip));
    const [address] = await failed(eq(loginAttempts.ip, ip));
    const now = Date.now();
    // The longest pause still running among the limits this attempt is over.
    let waitMs = 0;
    for (const [counted, limit] of [
      [pair, MAX_FAILURES_PER_ACCOUNT],
      [address, MAX_FAILURES_PER_IP],
    ] as const) {
      const n = counted?.n ?? 0;
      if (n < limit || !counted?.last) continue;
      const pausedUntil = new Date(counted.last).getTime() + pauseMs(n, limit);
      if (pausedUntil > now) waitMs = Math.max(waitMs, pauseMs(n + 1, limit));
    }
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email, ip, succeeded: false })
      .returning({ id: loginAttempts.id });
    return { waitMs, id: row?.id ?? 0 };
  });
  if (outcome.waitMs > 0) {
    throw new AppError('rate_limited', {
      message: 'Too many login attempts. Wait a little, or reset your password.',
      headers: { 'retry-after': String(Math.ceil(outcome.waitMs / 1000)) },
    });
  }
  loginChecks.count += 1;
  return outcome.id;
}

/** The reserved attempt's password was right: it no longer counts as a failure. */
export async function settleLoginAttempt(db: Executor, attemptId: number): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}
