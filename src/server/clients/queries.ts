import { and, asc, eq, sql } from 'drizzle-orm';
import { listInvitations } from '../accounts/listInvitations.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { channels, clientMembers, clients, invitations, rubrics, users } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { type CardCycles, currentCycles } from '../planning/currentCycle.ts';
import { canManageContacts } from '../policies/contact.ts';
import type { ClientCounts } from '../presenters/client.ts';
import { archivedFilter, type ClientRow, loadClient, reachableClients } from '../tenancy.ts';

/** A client with what its card shows: how many channels, rubrics, contacts, and its current cycle. */
export interface ClientSummary {
  row: ClientRow;
  counts: ClientCounts;
  cycles: CardCycles;
}

const noCycles: CardCycles = { current: null, next: null };

// Counted in the same query as the clients: one round trip for the whole list. The outer
// column is spelled out because drizzle leaves columns unqualified in a one-table select.
const outerClientId = sql.raw('"clients"."id"');
const counts = {
  channels: sql<number>`(select count(*)::int from ${channels} where ${channels.clientId} = ${outerClientId})`,
  rubrics: sql<number>`(select count(*)::int from ${rubrics} where ${rubrics.clientId} = ${outerClientId})`,
  contacts: sql<number>`(select count(*)::int from ${clientMembers} where ${clientMembers.clientId} = ${outerClientId})`,
};

/** The clients the actor can reach, active or archived ones, by name. */
export async function clientSummaries(
  db: Executor,
  actor: Actor,
  archived: boolean,
): Promise<ClientSummary[]> {
  const rows = await db
    .select({ row: clients, counts })
    .from(clients)
    .where(and(reachableClients(actor), archivedFilter(archived)))
    .orderBy(asc(sql`lower(${clients.name})`));
  const cycles = await currentCycles(
    db,
    actor,
    rows.map((r) => r.row),
  );
  return rows.map(({ row, counts: c }) => ({ row, counts: c, cycles: cycles.get(row.id) ?? noCycles }));
}

/** One client's summary (after a change, or for its own page). */
export async function summariseClient(db: Executor, actor: Actor, row: ClientRow): Promise<ClientSummary> {
  const [c] = await db.select(counts).from(clients).where(eq(clients.id, row.id));
  const cycles = (await currentCycles(db, actor, [row])).get(row.id) ?? noCycles;
  return { row, counts: c ?? { channels: 0, rubrics: 0, contacts: 0 }, cycles };
}

/** What a contact row is read as: the person and their role at the client. */
const contactColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: clientMembers.role,
  createdAt: clientMembers.createdAt,
};

/** A contact of the client; 404 for anyone else. */
export async function findContact(db: Executor, clientId: string, userId: string) {
  const [row] = await db
    .select(contactColumns)
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(and(eq(clientMembers.clientId, clientId), eq(clientMembers.userId, userId)));
  if (!row) throw notFound();
  return row;
}

export type ContactRow = Awaited<ReturnType<typeof findContact>>;

/** A client's contacts by name, and (for those who manage them) the invitations still pending. */
export async function contactsOf(db: Executor, actor: Actor, clientId: string) {
  const client = await loadClient(db, actor, clientId);
  const rows = await db
    .select(contactColumns)
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(eq(clientMembers.clientId, client.id))
    .orderBy(asc(users.name));
  // Invitation emails and states are the agency's business.
  const pending = canManageContacts(actor, client)
    ? (await listInvitations(db, eq(invitations.clientId, client.id))).filter((i) => i.status === 'pending')
    : [];
  return { contacts: rows, invitations: pending };
}

/** A client's social accounts, oldest first. */
export async function channelsOf(db: Executor, actor: Actor, clientId: string) {
  const client = await loadClient(db, actor, clientId);
  return db.select().from(channels).where(eq(channels.clientId, client.id)).orderBy(asc(channels.createdAt));
}

/** A client's rubrics, oldest first. */
export async function rubricsOf(db: Executor, actor: Actor, clientId: string) {
  const client = await loadClient(db, actor, clientId);
  return db.select().from(rubrics).where(eq(rubrics.clientId, client.id)).orderBy(asc(rubrics.createdAt));
}
