import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { factFiles, factItems, factRequests } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { type CycleInClient, loadCycle } from '../planning/load.ts';
import { canViewFactRequest } from '../policies/facts.ts';
import { withinScope } from '../policies/scope.ts';

export type FactRequestRow = typeof factRequests.$inferSelect;
export interface RequestInCycle extends CycleInClient {
  request: FactRequestRow;
}
type Policy = (
  actor: Actor,
  client: CycleInClient['client'],
  cycle: CycleInClient['cycle'],
  request: FactRequestRow,
) => boolean;

/**
 * A fact request the actor may see (404 otherwise: a contact does not learn of a draft), with
 * its cycle and client; locked (cycle, then request) and checked against a policy for a change.
 */
export async function loadFactRequest(
  db: Executor,
  actor: Actor,
  requestId: string,
  change?: Policy,
): Promise<RequestInCycle> {
  const [ref] = await db
    .select({ cycleId: factRequests.cycleId })
    .from(factRequests)
    .where(eq(factRequests.id, requestId));
  if (!ref || !withinScope(actor, { factRequestId: requestId })) throw notFound();
  const found = await loadCycle(db, actor, ref.cycleId, change !== undefined);
  const query = db.select().from(factRequests).where(eq(factRequests.id, requestId));
  const [request] = change ? await query.for('update') : await query;
  if (!request || !canViewFactRequest(actor, found.client, request)) throw notFound();
  if (change && !change(actor, found.client, found.cycle, request)) throw new AppError('forbidden');
  return { ...found, request };
}

export async function loadFactItemForChange(
  db: Executor,
  actor: Actor,
  itemId: string,
  change: Policy,
  version?: number,
) {
  const [ref] = await db
    .select({ requestId: factItems.requestId })
    .from(factItems)
    .where(eq(factItems.id, itemId));
  if (!ref) throw notFound();
  const found = await loadFactRequest(db, actor, ref.requestId, change);
  const [item] = await db.select().from(factItems).where(eq(factItems.id, itemId)).for('update');
  if (!item) throw notFound();
  if (version !== undefined && item.version !== version) throw staleVersion();
  return { ...found, item };
}

/** A file row and its request, if the actor may see that client's request (404 otherwise). */
export async function loadFactFile(db: Executor, actor: Actor, fileId: string) {
  const [file] = await db
    .select({ file: factFiles, requestId: factItems.requestId })
    .from(factFiles)
    .innerJoin(factItems, eq(factItems.id, factFiles.itemId))
    .where(eq(factFiles.id, fileId));
  if (!file) throw notFound();
  const found = await loadFactRequest(db, actor, file.requestId);
  return { ...found, file: file.file };
}
