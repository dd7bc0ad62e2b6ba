import { and, count, eq, gt, max, sql } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { loginAttempts } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { knownDeviceOf } from './devices.ts';

const WINDOW_MS = 15 * 60_000;
/**
 * Failed passwords for one account from one address before that pair is paused. Counted per
 * pair, not per account: a stranger's failures from elsewhere never lock the person out.
 */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures from one address, on any accounts: stops spraying many accounts from one place. */
export const MAX_FAILURES_PER_IP = 30;
/**
 * Wrong passwords for one account from anywhere: stops guessing one account from many addresses.
 * A browser the person signed in from before (`devices.ts`) is spared, so these failures never
 * stop them signing in from their own device.
 */
export const MAX_FAILURES_PER_ACCOUNT_EVERYWHERE = 10;
/**
 * Failed passwords from one known device of the account. Its attempts are counted by themselves,
 * instead of by the pair, the address and the account: a stranger sharing the office's address,
 * or guessing this account anywhere, never stops the person on their own browser.
 */
export const MAX_FAILURES_PER_DEVICE = 5;
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
 * decision and the reservation happen in one transaction under locks on the account and on the
 * address, so concurrent attempts take turns and at most the limit get through. The locks are
 * always taken in that order (account, then address), so two attempts never wait on each other
 * crosswise. The reservation is stored as a failure; `settleLoginAttempt` marks it a success
 * after. A refusal is stored too, so each one doubles the next `Retry-After` of the pair and the
 * address; nobody sleeps on a connection meanwhile.
 */
export async function reserveLoginAttempt(
  db: Executor,
  email: string,
  ip: string,
  deviceTokens: string[] = [],
): Promise<number> {
  const since = new Date(Date.now() - WINDOW_MS);
  const outcome = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plit:login-account:${email}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plit:login:${ip}`}))`);
    const failed = (...where: Parameters<typeof and>) =>
      tx
        .select({ n: count(), last: max(loginAttempts.createdAt) })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since), ...where));
    const device = await knownDeviceOf(tx, email, deviceTokens);
    const now = Date.now();
    // The longest pause still running among the limits this attempt is over.
    let waitMs = 0;
    const limits = device
      ? ([[(await failed(eq(loginAttempts.device, device)))[0], MAX_FAILURES_PER_DEVICE]] as const)
      : ([
          [
            (await failed(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)))[0],
            MAX_FAILURES_PER_ACCOUNT,
          ],
          [(await failed(eq(loginAttempts.ip, ip)))[0], MAX_FAILURES_PER_IP],
        ] as const);
    for (const [counted, limit] of limits) {
      const n = counted?.n ?? 0;
      if (n < limit || !counted?.last) continue;
      const pausedUntil = new Date(counted.last).getTime() + pauseMs(n, limit);
      if (pausedUntil > now) waitMs = Math.max(waitMs, pauseMs(n + 1, limit));
    }
    if (!device) {
      // Only guesses that reached the check count here, so the pause doubles with each one let
      // through, and refusals (of any address) do not stretch it.
      const [account] = await failed(eq(loginAttempts.email, email), eq(loginAttempts.refused, false));
      const n = account?.n ?? 0;
      if (n >= MAX_FAILURES_PER_ACCOUNT_EVERYWHERE && account?.last) {
        const pausedUntil =
          new Date(account.last).getTime() + pauseMs(n, MAX_FAILURES_PER_ACCOUNT_EVERYWHERE);
        waitMs = Math.max(waitMs, pausedUntil - now);
      }
    }
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email, ip, device, succeeded: false, refused: waitMs > 0 })
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
