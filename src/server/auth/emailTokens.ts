import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { authTokens } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { hashToken, newToken } from './tokens.ts';

type Kind = (typeof authTokens.$inferSelect)['kind'];

/**
 * Both are single-use and short: long enough to open the email, short enough that a link found
 * later in a mailbox or a log is dead. A newer request leaves older unused links valid until they
 * expire (two clicks on "send" must not kill the first email's link); a used reset ends them all.
 */
export const tokenLifetimeMs: Record<Kind, number> = {
  password_reset: 30 * 60_000,
  magic_link: 30 * 60_000,
};

/**
 * Emailed links of one kind a person may be sent in an hour. Asking needs no sign-in and the
 * per-address limit is no limit to someone with many addresses, so without this anyone could
 * fill a person's mailbox (and their agency's outbox) with sign-in or reset emails. Someone
 * whose email is slow to arrive asks two or three times; the rest is dropped unsent, with the
 * same answer as ever (the request was accepted long before the worker decides).
 */
export const LINKS_PER_HOUR = 5;

/** Whether the person may be sent another link of this kind now (`LINKS_PER_HOUR`). */
export async function mayEmailAnotherLink(db: Executor, userId: string, kind: Kind): Promise<boolean> {
  const [sent] = await db
    .select({ n: count() })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.kind, kind),
        gt(authTokens.createdAt, new Date(Date.now() - 60 * 60_000)),
      ),
    );
  return (sent?.n ?? 0) < LINKS_PER_HOUR;
}

/** Issue a one-time link secret for a user; only its hash is kept. */
export async function issueEmailToken(db: Executor, userId: string, kind: Kind): Promise<string> {
  const token = newToken();
  await db.insert(authTokens).values({
    userId,
    kind,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + tokenLifetimeMs[kind]),
  });
  return token;
}

const live = (token: string, kind: Kind) =>
  and(
    eq(authTokens.tokenHash, hashToken(token)),
    eq(authTokens.kind, kind),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, new Date()),
  );

/**
 * Refuse a link secret that is not live, without using it up: for work too costly to do for a
 * made-up one (hashing a new password). `consumeEmailToken` still decides, so a link used
 * meanwhile fails there.
 */
export async function checkEmailToken(db: Executor, token: string, kind: Kind): Promise<void> {
  const [row] = await db.select({ id: authTokens.id }).from(authTokens).where(live(token, kind)).limit(1);
  if (!row) throw new AppError('token_invalid');
}

/**
 * Use up a link secret: the conditional update makes a double click, or two tabs,
 * succeed once and fail once, never twice.
 */
export async function consumeEmailToken(db: Executor, token: string, kind: Kind): Promise<string> {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(live(token, kind))
    .returning({ userId: authTokens.userId });
  if (!row) throw new AppError('token_invalid');
  return row.userId;
}
