import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { LinkKind } from '../../shared/api/links.ts';
import type { Executor } from '../db/connect.ts';
import { accessLinks, clientMembers, clients, factRequests, meetings, posts } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { ActorScope } from './actor.ts';
import { hashToken, newToken } from './tokens.ts';

/**
 * A scoped link ends after this long without use. Reusable until then: a client answers over
 * days, from the email opened on a phone and then on a laptop.
 */
export const linkIdleMs = 14 * 24 * 60 * 60_000;

export interface NewLink {
  userId: string;
  clientId: string;
  kind: LinkKind;
  subjectId: string;
  /** Who copied it for the person; none for a link sent by email. */
  createdById?: string;
}

/** The one address of every scoped link, emailed or copied (the web's /open/$token page). */
export const linkUrl = (publicUrl: string, token: string) => `${publicUrl}/open/${token}`;

/** A link secret for one person and one subject; only its hash is kept. */
export async function issueLink(db: Executor, link: NewLink): Promise<string> {
  const token = newToken();
  await db.insert(accessLinks).values({ ...link, tokenHash: hashToken(token) });
  return token;
}

/**
 * The subject is still waiting for the person: the fact request is sent and not complete, a post
 * of the month is with the client for review, the meeting has not ended.
 */
const subjectOpen = sql`case ${accessLinks.kind}
  when 'facts' then exists (select 1 from ${factRequests} where ${factRequests.id} = ${accessLinks.subjectId}
    and ${factRequests.status} = 'sent')
  when 'review' then exists (select 1 from ${posts} where ${posts.cycleId} = ${accessLinks.subjectId}
    and ${posts.status} = 'client_review')
  when 'meeting' then exists (select 1 from ${meetings} where ${meetings.id} = ${accessLinks.subjectId}
    and ${meetings.status} <> 'ended')
  else false end`;

/** The month the subject belongs to: the page a link opens lives in it. */
const subjectCycle = sql<string>`case ${accessLinks.kind}
  when 'facts' then (select ${factRequests.cycleId} from ${factRequests} where ${factRequests.id} = ${accessLinks.subjectId})
  when 'review' then ${accessLinks.subjectId}
  when 'meeting' then (select ${meetings.cycleId} from ${meetings} where ${meetings.id} = ${accessLinks.subjectId})
  end`;

/**
 * Every rule that keeps a link, and each session opened from it, alive, in one condition: used
 * within 14 days, its subject still open, the person still a contact of the client. (endAccess
 * deletes the person's links outright.)
 */
function alive(): SQL {
  return and(
    sql`${accessLinks.lastUsedAt} > now() - make_interval(secs => ${linkIdleMs / 1000})`,
    sql`${subjectOpen}`,
    sql`exists (select 1 from ${clientMembers} where ${clientMembers.clientId} = ${accessLinks.clientId}
      and ${clientMembers.userId} = ${accessLinks.userId})`,
  ) as SQL;
}

export interface LiveLink {
  id: string;
  userId: string;
  lastUsedAt: Date;
  scope: ActorScope;
}

async function findLive(db: Executor, where: SQL): Promise<LiveLink | null> {
  const [row] = await db
    .select({
      id: accessLinks.id,
      userId: accessLinks.userId,
      lastUsedAt: accessLinks.lastUsedAt,
      kind: accessLinks.kind,
      subjectId: accessLinks.subjectId,
      clientId: accessLinks.clientId,
      clientName: clients.name,
      cycleId: subjectCycle,
    })
    .from(accessLinks)
    .innerJoin(clients, eq(clients.id, accessLinks.clientId))
    .where(and(where, alive()))
    .limit(1);
  if (!row?.cycleId) return null;
  const { id, userId, lastUsedAt, ...scope } = row;
  return { id, userId, lastUsedAt, scope: { ...scope, cycleId: row.cycleId, linkId: id } };
}

/**
 * A meeting's link that stopped because the meeting is over, for a person who is still a contact:
 * joining late is told that the meeting ended (and where its summary is), not that the link is bad.
 */
async function meetingEnded(db: Executor, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accessLinks.id })
    .from(accessLinks)
    .innerJoin(meetings, eq(meetings.id, accessLinks.subjectId))
    .innerJoin(
      clientMembers,
      and(eq(clientMembers.clientId, accessLinks.clientId), eq(clientMembers.userId, accessLinks.userId)),
    )
    .where(
      and(
        eq(accessLinks.tokenHash, hashToken(token)),
        eq(accessLinks.kind, 'meeting'),
        eq(meetings.status, 'ended'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The link behind a token, if it still opens; its use is recorded (the 14 days start again). */
export async function openLink(db: Executor, token: string): Promise<LiveLink> {
  const link = await findLive(db, eq(accessLinks.tokenHash, hashToken(token)));
  if (!link)
    throw (await meetingEnded(db, token)) ? new AppError('meeting_ended') : new AppError('token_invalid');
  await db.update(accessLinks).set({ lastUsedAt: sql`now()` }).where(eq(accessLinks.id, link.id));
  return link;
}

/** A scoped session's link, checked again on every request (one query); null once it has ended. */
export function liveLinkOf(db: Executor, linkId: string): Promise<LiveLink | null> {
  return findLive(db, eq(accessLinks.id, linkId));
}

/** A scoped session counts as a use of its link, recorded at most once a minute. */
export async function touchLink(db: Executor, link: LiveLink): Promise<void> {
  if (Date.now() - link.lastUsedAt.getTime() < 60_000) return;
  await db.update(accessLinks).set({ lastUsedAt: sql`now()` }).where(eq(accessLinks.id, link.id));
}

/**
 * Part of `endAccess`: every link addressed to the person stops, and with it (on delete
 * cascade) every session opened from one.
 */
export async function revokeLinks(db: Executor, userId: string): Promise<void> {
  await db.delete(accessLinks).where(eq(accessLinks.userId, userId));
}
