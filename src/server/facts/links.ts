import { and, eq, gt, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Executor } from '../db/connect.ts';
import { clientMembers, factRequestLinks, factRequests } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

/**
 * How long the link in a fact request's emails signs its contact in. A sign-in link lasts
 * minutes; a client answers over days, often from the same email opened on a phone.
 */
export const factLinkLifetimeMs = 45 * 24 * 60 * 60_000;

/** A link secret for one contact and one request; only its hash is kept. */
export async function issueFactLink(db: Executor, requestId: string, userId: string): Promise<string> {
  const token = newToken();
  await db.insert(factRequestLinks).values({
    tokenHash: hashToken(token),
    requestId,
    userId,
    expiresAt: new Date(Date.now() + factLinkLifetimeMs),
  });
  return token;
}

/** Who the link is for and which request it opens; it may be used again until it expires. */
export async function useFactLink(db: Executor, token: string) {
  const [row] = await db
    .update(factRequestLinks)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(factRequestLinks.tokenHash, hashToken(token)),
        gt(factRequestLinks.expiresAt, new Date()),
        // Only while the person is still a contact of the request's client.
        sql`exists (select 1 from ${factRequests} join ${clientMembers}
              on ${clientMembers.clientId} = ${factRequests.clientId}
              where ${factRequests.id} = ${factRequestLinks.requestId}
                and ${clientMembers.userId} = ${factRequestLinks.userId})`,
      ),
    )
    .returning({ userId: factRequestLinks.userId, requestId: factRequestLinks.requestId });
  if (!row) throw new AppError('token_invalid');
  return row;
}

/** Part of `endAccess` (auth/endAccess.ts): these links sign the person in as well. */
export async function revokeFactLinks(db: Executor, userId: string) {
  await db.delete(factRequestLinks).where(eq(factRequestLinks.userId, userId));
}
