import { eq } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { users } from '../db/schema/index.ts';
import type { SocketDrop } from '../live/hub.ts';
import { endAccess } from './endAccess.ts';

/**
 * The person just used a link that only their mailbox received (a sign-in or reset link): the
 * address is theirs. The first time, whoever set the account up from an invitation link (which
 * its sender may copy and anyone may pass on) is shut out: every other session and socket ends,
 * their links are used up, and a password chosen before is cleared, since it may be someone
 * else's. Later calls change nothing.
 *
 * Call it in the transaction that used the link up, after consuming it (endAccess uses up every
 * unused link of the person, so the one in hand must already be spent), and before the new
 * session is stored, unless that session is named in `keepSessionId`. Do not call it for a
 * link the agency can copy (an invitation, or a scoped link the agency copied): that proves
 * nothing about the mailbox. Answers the sockets to close after commit, or null when the
 * address was already verified.
 */
export async function verifyEmail(
  tx: Executor,
  userId: string,
  options: { keepSessionId?: string } = {},
): Promise<SocketDrop | null> {
  // Locked, so two links used at once verify once and cannot interleave with an accept.
  const [user] = await tx
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!user || user.verifiedAt) return null;
  await tx.update(users).set({ emailVerifiedAt: new Date(), passwordHash: null }).where(eq(users.id, userId));
  return endAccess(tx, { userId, keepSessionId: options.keepSessionId });
}
