import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { factRequests } from '../db/schema/index.ts';
import { loadCycle } from '../planning/load.ts';
import { canViewFactRequest } from '../policies/facts.ts';
import { loadFactRequest, type RequestInCycle } from './load.ts';

/**
 * The month's fact request, if there is one this actor may see: the draft is the agency's
 * working copy, like an unshared plan, so a contact sees nothing until it is sent.
 */
export async function factRequestOfCycle(
  db: Executor,
  actor: Actor,
  cycleId: string,
): Promise<RequestInCycle | null> {
  const { cycle, client } = await loadCycle(db, actor, cycleId);
  const [row] = await db.select().from(factRequests).where(eq(factRequests.cycleId, cycle.id));
  if (!row || !canViewFactRequest(actor, client, row)) return null;
  return loadFactRequest(db, actor, row.id);
}
