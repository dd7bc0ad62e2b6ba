import { and, asc, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { findPendingInvitation, isAgencyRole } from '../commands/accounts/acceptInvitation.ts';
import type { Executor } from '../db/connect.ts';
import {
  agencies,
  agencyMembers,
  invitations,
  notifications,
  outbox,
  sessions,
  users,
} from '../db/schema/index.ts';
import { forbidden, notFound } from '../errors.ts';
import { canManageMembers, canViewInvitations, canViewMembers } from '../policies/member.ts';
import { canReadOutbox } from '../policies/outbox.ts';
import { listInvitations } from './listInvitations.ts';

/** First run: Plit needs its first agency while there is none. */
export async function needsSetup(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) === 0;
}

/** A person's signed-in sessions, the most recently used first. */
export async function sessionsOf(db: Executor, userId: string) {
  const rows = await db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(sessions.lastSeenAt);
  return rows.reverse();
}

/** What a member row is read as: the person and their role in the agency. */
export const memberColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: agencyMembers.role,
  createdAt: agencyMembers.createdAt,
};

/** The members of the actor's agency, by name; 403 for anyone who may not see them. */
export async function membersOf(db: Executor, actor: Actor) {
  if (!canViewMembers(actor) || !actor.agency) throw forbidden();
  return db
    .select(memberColumns)
    .from(agencyMembers)
    .innerJoin(users, eq(users.id, agencyMembers.userId))
    .where(eq(agencyMembers.agencyId, actor.agency.id))
    .orderBy(asc(users.name));
}

/** The invitations of the actor's agency they may see: owners all, content managers clients'. */
export async function invitationsFor(db: Executor, actor: Actor, clientId: string | undefined) {
  if (!canViewInvitations(actor) || !actor.agency) throw forbidden();
  const where = and(
    eq(invitations.agencyId, actor.agency.id),
    clientId ? eq(invitations.clientId, clientId) : undefined,
    canManageMembers(actor) ? undefined : isNotNull(invitations.clientId),
  )!;
  return listInvitations(db, where);
}

/** One invitation as the agency reads it (after a change to it). */
export async function invitationById(db: Executor, invitationId: string) {
  const [row] = await listInvitations(db, eq(invitations.id, invitationId));
  return row!;
}

/** What an invitation link offers its holder, before they accept it. */
export async function previewInvitation(db: Executor, token: string) {
  const { invitation: row, agencyName, clientName } = await findPendingInvitation(db, token);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  return {
    email: row.email,
    role: row.role,
    agencyName,
    clientName,
    existingUser: Boolean(user),
    passwordRequired: !user && isAgencyRole(row.role),
  };
}

/** The emails of the actor's agency, newest first (owners only). */
export async function outboxOf(db: Executor, actor: Actor) {
  if (!canReadOutbox(actor) || !actor.agency) throw forbidden();
  return db
    .select()
    .from(outbox)
    .where(eq(outbox.agencyId, actor.agency.id))
    .orderBy(desc(outbox.createdAt))
    .limit(200);
}

/**
 * One file an email of the actor's agency carried, by its place in the list: owners only, as
 * the outbox itself (403 for anyone else); 404 when the email is another agency's or has no such
 * file.
 */
export async function outboxAttachmentOf(db: Executor, actor: Actor, messageId: string, index: number) {
  if (!canReadOutbox(actor) || !actor.agency) throw forbidden();
  const [row] = await db
    .select({ attachments: outbox.attachments })
    .from(outbox)
    .where(and(eq(outbox.id, messageId), eq(outbox.agencyId, actor.agency.id)));
  const found = row?.attachments[index];
  if (!found) throw notFound();
  return found;
}

/** A person's latest notifications and how many of all of theirs are unread. */
export async function notificationsOf(db: Executor, userId: string, limit: number) {
  const mine = eq(notifications.userId, userId);
  const rows = await db
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { rows, unread: unread?.n ?? 0 };
}

/** How a person's notifications reach their inbox. */
export async function emailNotificationsOf(db: Executor, userId: string) {
  const [row] = await db.select({ email: users.emailNotifications }).from(users).where(eq(users.id, userId));
  return row?.email ?? 'instant';
}
