import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { clients, cycles, slots, topics } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { canViewCycle } from '../policies/plan.ts';
import { withinScope } from '../policies/scope.ts';
import { type ClientRow, reachableClients } from '../tenancy.ts';

export type CycleRow = typeof cycles.$inferSelect;
export interface CycleInClient {
  cycle: CycleRow;
  client: ClientRow;
}

/**
 * A cycle the actor may see, with its client; 404 otherwise. With `lock`, the cycle row is
 * locked for the transaction: every change to one plan takes turns on it.
 */
export async function loadCycle(
  db: Executor,
  actor: Actor,
  cycleId: string,
  lock = false,
): Promise<CycleInClient> {
  const query = db
    .select({ cycle: cycles, client: clients })
    .from(cycles)
    .innerJoin(clients, eq(clients.id, cycles.clientId))
    .where(and(eq(cycles.id, cycleId), reachableClients(actor)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: cycles }) : await query;
  if (!row || !canViewCycle(actor, row.client, row.cycle) || !withinScope(actor, { cycleId }))
    throw notFound();
  return row;
}

/** Load a cycle for a change the policy must allow (403), with the row locked. */
export async function loadCycleForChange(
  db: Executor,
  actor: Actor,
  cycleId: string,
  allowed: (actor: Actor, client: ClientRow, cycle: CycleRow) => boolean,
): Promise<CycleInClient> {
  const found = await loadCycle(db, actor, cycleId, true);
  if (!allowed(actor, found.client, found.cycle)) throw new AppError('forbidden');
  return found;
}

export async function cycleIdOfSlot(db: Executor, slotId: string): Promise<string> {
  const [row] = await db.select({ cycleId: slots.cycleId }).from(slots).where(eq(slots.id, slotId));
  if (!row) throw notFound();
  return row.cycleId;
}

/** A topic's client and, if it is in one, cycle: the scope its changes are checked in. */
export async function scopeOfTopic(db: Executor, topicId: string) {
  const [row] = await db
    .select({ clientId: topics.clientId, cycleId: topics.cycleId })
    .from(topics)
    .where(eq(topics.id, topicId));
  if (!row) throw notFound();
  return row;
}
