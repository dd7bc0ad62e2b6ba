import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { accessLinks, authTokens, calendarFeeds, invitations, sessions } from '../db/schema/index.ts';
import type { SocketDrop } from '../live/hub.ts';
import { forgetDevices } from './devices.ts';
import { revokeLinks } from './scopedLinks.ts';

/** Whose access ends, and what of it stays. */
export interface Ending {
  userId: string;
  /** The session that asked for it (a password change): it stays signed in, and its sockets open. */
  keepSessionId?: string;
  /**
   * Sessions stay when the person only lost one client (a contact removed): a session carries no
   * client's access, every request reads it again; their links and sockets go all the same.
   */
  keepSessions?: boolean;
  /**
   * A member leaving the agency: the calendar feeds they made stop answering (whoever holds the
   * address got it from them; the agency makes a new one if the client's calendar needs it), and
   * so does every link they copied and may have kept (`revokeWhatTheyCopied`).
   */
  leavingAgency?: boolean;
}

/**
 * The one way someone's access ends (a new password, a reset, "log out everywhere", removed from
 * an agency or a client), run inside the caller's transaction: their sessions end, and so does
 * every emailed link that would let them in again (sign-in, reset, scoped links), whoever
 * may have read it on the way. With the sessions, their known devices are forgotten too.
 * Invitations they sent to others are not addressed to them and stay, unless they were shown
 * the link and are leaving the agency. Answers which sockets to close once the transaction has committed
 * (`ctx.live.drop`): closing them before could let a reconnect in through a session that a
 * rollback would keep.
 */
export async function endAccess(tx: Executor, ending: Ending): Promise<SocketDrop> {
  const { userId, keepSessionId } = ending;
  if (!ending.keepSessions) {
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
    // Their browsers stop skipping the per-account login slowdown: one that signed in with a
    // stolen password must not keep that favour. Their own get it back at their next sign-in.
    await forgetDevices(tx, userId);
  }
  // Used up rather than deleted: a link clicked later says "used or expired", like any other.
  await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.userId, userId), isNull(authTokens.usedAt)));
  // Scoped links too, and (on delete cascade) every session opened from one.
  await revokeLinks(tx, userId);
  let copied: string[] = [];
  if (ending.leavingAgency) {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.createdById, userId), isNull(calendarFeeds.revokedAt)));
    copied = await revokeWhatTheyCopied(tx, userId);
  }
  return {
    userId,
    ...(keepSessionId ? { exceptSessionId: keepSessionId } : {}),
    ...(copied.length > 0 ? { sessionIds: copied } : {}),
  };
}

/**
 * Links a member was shown to pass on ("copy link": a pending invitation's, a contact's scoped
 * link) stop working once the member may no longer hand them out: they leave the agency, or
 * become a creator. Whoever holds such a link got it from them. Invitations and links that were
 * only emailed went to their addressee's mailbox and stay. Answers the sessions that ended with
 * the links, whose sockets the caller closes once the transaction has committed.
 */
export async function revokeWhatTheyCopied(tx: Executor, userId: string): Promise<string[]> {
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.linkCopiedBy, userId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  // On delete cascade: every session opened from such a link ends with it. Their sockets are
  // the link's holder's, not this member's: they are named, so they close at once too.
  const opened = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(accessLinks, eq(sessions.linkId, accessLinks.id))
    .where(eq(accessLinks.createdById, userId));
  await tx.delete(accessLinks).where(eq(accessLinks.createdById, userId));
  return opened.map((s) => s.id);
}
