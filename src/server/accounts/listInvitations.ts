import { desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { clients, invitations, users } from '../db/schema/index.ts';
import { presentInvitation } from '../presenters/member.ts';

/** Invitations with the names a person needs to read them, in one query. */
export async function listInvitations(db: Executor, where: SQL) {
  const rows = await db
    .select({ invitation: invitations, clientName: clients.name, invitedByName: users.name })
    .from(invitations)
    .leftJoin(clients, eq(clients.id, invitations.clientId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(where)
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) =>
    presentInvitation(r.invitation, { clientName: r.clientName, invitedByName: r.invitedByName }),
  );
}
