import { and, eq, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Actor } from './auth/actor.ts';
import type { Executor } from './db/connect.ts';
import { clients } from './db/schema/index.ts';
import { AppError, notFound } from './errors.ts';

/**
 * The one place that says which clients a person can reach: every client of their own
 * agency, and the clients they are a contact of. Every query about a client or anything
 * under it starts from here, so another tenant's id is simply not found (404).
 */
export function reachableClients(actor: Actor): SQL {
  const conditions: SQL[] = [];
  if (actor.agency) conditions.push(eq(clients.agencyId, actor.agency.id));
  const contactIds = [...actor.contactOf.keys()];
  if (contactIds.length > 0) conditions.push(inArray(clients.id, contactIds));
  // Nobody: a condition that matches no row.
  return or(...conditions) ?? isNull(clients.id);
}

export type ClientRow = typeof clients.$inferSelect;

/** Load a client the actor may reach, or answer 404 whether it exists or not. */
export async function loadClient(db: Executor, actor: Actor, clientId: string): Promise<ClientRow> {
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), reachableClients(actor)))
    .limit(1);
  if (!client) throw notFound();
  return client;
}

/** The same, locking the row for the rest of the transaction (for writes that read-modify-write). */
export async function loadClientForUpdate(db: Executor, actor: Actor, clientId: string): Promise<ClientRow> {
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), reachableClients(actor)))
    .limit(1)
    .for('update');
  if (!client) throw notFound();
  return client;
}

export const archivedFilter = (archived: boolean) =>
  archived ? isNotNull(clients.archivedAt) : isNull(clients.archivedAt);

/**
 * For changes to a client's settings and everything under it: reachable (else 404),
 * allowed (else 403) and not archived (else 409), with the client row locked.
 */
export async function loadClientForChange(
  db: Executor,
  actor: Actor,
  clientId: string,
  allowed: (actor: Actor, client: ClientRow) => boolean,
): Promise<ClientRow> {
  const client = await loadClientForUpdate(db, actor, clientId);
  if (!allowed(actor, client)) throw new AppError('forbidden');
  if (client.archivedAt) throw new AppError('archived');
  return client;
}
