import { asc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { client as clientShape } from '../../shared/api/clients.ts';
import { nextMonth } from '../../shared/time.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { cycles } from '../db/schema/index.ts';
import { canViewCycle } from '../policies/plan.ts';
import { sideOf } from '../policies/side.ts';
import { presentStageMarks } from '../presenters/cycle.ts';
import type { ClientRow } from '../tenancy.ts';
import type { CycleRow } from './load.ts';
import { moveFor, waitsOfCycles } from './whoseMove.ts';

type CardCycle = z.infer<typeof clientShape>['currentCycle'];
export interface CardCycles {
  current: CardCycle;
  next: CardCycle;
}

/**
 * The months a client's card shows, as rows: the current one (the earliest month not yet
 * closed, or else the latest) and the month after it, among the cycles the actor may see (a
 * contact: the shared ones). One query for the whole list.
 */
export async function cardCycleRows(
  db: Executor,
  actor: Actor,
  clients: ClientRow[],
): Promise<Map<string, { current: CycleRow; next: CycleRow | null }>> {
  const result = new Map<string, { current: CycleRow; next: CycleRow | null }>();
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
  const visible = rows.filter((row) => canViewCycle(actor, byId.get(row.clientId)!, row));
  for (const row of visible) {
    const held = result.get(row.clientId);
    // Months ascend: keep the first open one; until one is found, the latest closed one.
    if (!held || held.current.stage === 'closed') result.set(row.clientId, { current: row, next: null });
  }
  for (const row of visible) {
    const held = result.get(row.clientId);
    if (held && row.month === nextMonth(held.current.month)) held.next = row;
  }
  return result;
}

/**
 * Each client's current and next month for the home cards, with whose move it is in each
 * (`whoseMove.ts`): four queries for the whole list, whatever its length.
 */
export async function currentCycles(
  db: Executor,
  actor: Actor,
  clients: ClientRow[],
): Promise<Map<string, CardCycles>> {
  const byId = new Map(clients.map((c) => [c.id, c]));
  const chosen = await cardCycleRows(db, actor, clients);
  const list = [...chosen.values()].flatMap(({ current, next }) =>
    [current, next].filter((r) => r !== null).map((cycle) => ({ cycle, client: byId.get(cycle.clientId)! })),
  );
  const waits = await waitsOfCycles(db, list);
  const card = (row: CycleRow | null): CardCycle => {
    if (!row) return null;
    const client = byId.get(row.clientId)!;
    const side = sideOf(actor, client);
    // A contact's card shows only the client's own marks, like the plan header (presentStageMarks).
    const { deadline, overdue } = presentStageMarks(side, row, client.timezone);
    return {
      id: row.id,
      month: row.month,
      stage: row.stage,
      ...moveFor(side, waits.get(row.id)),
      deadline,
      overdue,
    };
  };
  const result = new Map<string, CardCycles>();
  for (const [clientId, { current, next }] of chosen) {
    result.set(clientId, { current: card(current), next: card(next) });
  }
  return result;
}
