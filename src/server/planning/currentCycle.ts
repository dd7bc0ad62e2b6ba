import { asc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { client as clientShape } from '../../shared/api/clients.ts';
import { stageOwners } from '../../shared/roles.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { cycles } from '../db/schema/index.ts';
import { canViewCycle } from '../policies/plan.ts';
import { sideOf } from '../policies/side.ts';
import { presentStageMarks } from '../presenters/cycle.ts';
import type { ClientRow } from '../tenancy.ts';

type CurrentCycle = z.infer<typeof clientShape>['currentCycle'];

/**
 * Each client's current cycle for the home cards: the earliest month not yet closed, or else
 * the latest one, among the cycles the actor may see (a contact: the shared ones). One query
 * for the whole list.
 */
export async function currentCycles(
  db: Executor,
  actor: Actor,
  clients: ClientRow[],
): Promise<Map<string, CurrentCycle>> {
  const result = new Map<string, CurrentCycle>();
  if (clients.length === 0) return result;
  const byId = new Map(clients.map((c) => [c.id, c]));
  const rows = await db
    .select()
    .from(cycles)
    .where(
      inArray(
        cycles.clientId,
        clients.map((c) => c.id),
      ),
    )
    .orderBy(asc(cycles.month));
  const chosen = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const client = byId.get(row.clientId)!;
    if (!canViewCycle(actor, client, row)) continue;
    const held = chosen.get(row.clientId);
    // Months ascend: keep the first open one; until one is found, the latest closed one.
    if (!held || held.stage === 'closed') chosen.set(row.clientId, row);
  }
  for (const [clientId, row] of chosen) {
    const client = byId.get(clientId)!;
    // A contact's card shows only the client's own marks, like the plan header (presentStageMarks).
    const { deadline, overdue } = presentStageMarks(sideOf(actor, client), row, client.timezone);
    result.set(clientId, {
      id: row.id,
      month: row.month,
      stage: row.stage,
      owner: stageOwners[row.stage],
      deadline,
      overdue,
    });
  }
  return result;
}
