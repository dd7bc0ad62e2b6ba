import { asc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { cycle as cycleShape } from '../../shared/api/planning.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { cycleStageChanges, cycles } from '../db/schema/index.ts';
import { isOverdue, missingFor, nextStage } from '../planning/cycleRules.ts';
import { countColumns } from '../planning/cycleView.ts';
import type { CycleRow } from '../planning/load.ts';
import { moveFor, waitsOfCycles } from '../planning/whoseMove.ts';
import { planAbilities } from '../policies/plan.ts';
import { type Side, seesStageMarks, sideOf, stageDeadlinesFor } from '../policies/side.ts';
import type { ClientRow } from '../tenancy.ts';

/**
 * A cycle's deadlines and whether its current stage is late, as this side is shown them: the
 * client's contacts see neither the deadlines nor the lateness of the stages the agency owns
 * (`overdue` is then null). The client's home card and the plan header read the same marks.
 */
export function presentStageMarks(side: Side, row: Pick<CycleRow, 'stage' | 'deadlines'>, timezone: string) {
  const deadlines = stageDeadlinesFor(side, row.deadlines);
  return {
    deadlines,
    deadline: deadlines[row.stage] ?? null,
    overdue: seesStageMarks(side, row.stage) ? isOverdue(row.stage, row.deadlines, timezone) : null,
  };
}

/** Cycles of one client as the API shows them, with counts, guards, history and whose move it is, in six queries. */
export async function presentCycles(
  db: Executor,
  actor: Actor,
  client: ClientRow,
  rows: CycleRow[],
): Promise<Array<z.infer<typeof cycleShape>>> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counted = await db
    .select({ id: cycles.id, ...countColumns })
    .from(cycles)
    .where(inArray(cycles.id, ids));
  const countsOf = new Map(counted.map((c) => [c.id, c]));
  const side = sideOf(actor, client);
  const changes = await db
    .select()
    .from(cycleStageChanges)
    .where(inArray(cycleStageChanges.cycleId, ids))
    .orderBy(asc(cycleStageChanges.id));
  const waits = await waitsOfCycles(
    db,
    rows.map((cycle) => ({ cycle, client })),
  );
  return rows.map((row) => {
    const c = countsOf.get(row.id) ?? {
      slots: 0,
      slotsWithoutTopic: 0,
      topics: 0,
      undecidedTopics: 0,
      slotsNotApproved: 0,
      factRequestSent: false,
    };
    const next = nextStage(row.stage);
    const facts = { ...c, shared: row.sharedAt !== null, month: row.month, timezone: client.timezone };
    const marks = presentStageMarks(side, row, client.timezone);
    return {
      id: row.id,
      clientId: row.clientId,
      month: row.month,
      stage: row.stage,
      ...moveFor(side, waits.get(row.id)),
      deadlines: marks.deadlines,
      overdue: marks.overdue,
      shared: row.sharedAt !== null,
      sharedAt: row.sharedAt?.toISOString() ?? null,
      version: row.version,
      counts: { slots: c.slots, slotsWithoutTopic: c.slotsWithoutTopic, topics: c.topics },
      next: next ? { stage: next, missing: missingFor(row.stage, facts) } : null,
      history: changes
        .filter((h) => h.cycleId === row.id)
        .map((h) => ({ from: h.fromStage, to: h.toStage, actorName: h.actorName, at: h.at.toISOString() })),
      abilities: planAbilities(actor, client, row),
    };
  });
}

export async function presentCycle(db: Executor, actor: Actor, client: ClientRow, row: CycleRow) {
  const [one] = await presentCycles(db, actor, client, [row]);
  return one!;
}
