import { and, eq } from 'drizzle-orm';
import { isSafeNextPath } from '../../shared/api/common.ts';
import { type LinkKind, linkKinds } from '../../shared/api/links.ts';
import { issueLink, linkUrl } from '../auth/scopedLinks.ts';
import type { Executor } from '../db/connect.ts';
import { clientMembers } from '../db/schema/index.ts';

/**
 * What an emailed link is about: the page (a path of the app, for anyone signed in), and for a
 * client's contact the scoped subject that opens it without a password.
 */
export interface LinkTarget {
  clientId: string | null;
  /** The exact page: the post, the month's review list, the meeting room, the fact request. */
  path: string;
  /** The scoped link's subject (auth/scopedLinks.ts); null when only a plain link will do. */
  scoped: { kind: LinkKind; subjectId: string } | null;
}

/**
 * A notification names its scoped subject in its data (`linkKind`, `subjectId`, `clientId`), so
 * every kind, including ones added later (approval reminders), is linked by this one rule.
 */
export function targetOfNotification(n: { link: string; data: Record<string, unknown> }): LinkTarget {
  const { linkKind, subjectId, clientId, postId, count } = n.data;
  // One post waiting: the post itself; several (a folded entry): the month's list.
  const path = typeof postId === 'string' && Number(count ?? 1) === 1 ? `/posts/${postId}` : n.link;
  const scoped =
    typeof linkKind === 'string' &&
    (linkKinds as readonly string[]).includes(linkKind) &&
    typeof subjectId === 'string'
      ? { kind: linkKind as LinkKind, subjectId }
      : null;
  return { clientId: typeof clientId === 'string' ? clientId : null, path, scoped };
}

/**
 * The one link a person is emailed for something: a client's contact gets their own scoped link
 * (it signs them in to that subject only), landing on the exact page (`?next=`); the agency's
 * people, and anything a scoped link cannot open, get the plain address of the page (the sign-in
 * page brings them back to it).
 */
export async function personalLink(
  ctx: { env: { publicUrl: string } },
  db: Executor,
  userId: string,
  target: LinkTarget,
): Promise<string> {
  const plain = `${ctx.env.publicUrl}${target.path}`;
  if (!target.scoped || !target.clientId) return plain;
  const [contact] = await db
    .select({ userId: clientMembers.userId })
    .from(clientMembers)
    .where(and(eq(clientMembers.clientId, target.clientId), eq(clientMembers.userId, userId)))
    .limit(1);
  if (!contact) return plain;
  const token = await issueLink(db, { userId, clientId: target.clientId, ...target.scoped });
  const next = isSafeNextPath(target.path) ? `?next=${encodeURIComponent(target.path)}` : '';
  return `${linkUrl(ctx.env.publicUrl, token)}${next}`;
}
