import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { cycle as cycleShape } from '../../shared/api/planning.ts';
import { stageOwners } from '../../shared/roles.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { cycleStageChanges, cycles, factRequests, posts, slots, topics } from '../db/schema/index.ts';
import { planAbilities } from '../policies/plan.ts';
import type { ClientRow } from '../tenancy.ts';
import { isOverdue, missingFor, nextStage } from './cycleRules.ts';
import type { CycleRow } from './load.ts';

// Counted beside each cycle in one query; the outer column is spelled out because drizzle
// leaves columns unqualified in a one-table select.
const outerCycleId = sql.raw('"cycles"."id"');
const countColumns = {
  slots: sql<number>`(select count(*)::int from ${slots} where ${slots.cycleId} = ${outerCycleId})`,
  slotsWithoutTopic: sql<number>`(select count(*)::int from ${slots} where ${slots.cycleId} = ${outerCycleId} and ${slots.topicId} is null)`,
  topics: sql<number>`(select count(*)::int from ${topics} where ${topics.cycleId} = ${outerCycleId} and ${topics.status} <> 'dropped')`,
  undecidedTopics: sql<number>`(select count(*)::int from ${topics} where ${topics.cycleId} = ${outerCycleId} and ${topics.status} = 'proposed')`,
  // Slots with no post, or a post not approved (or published) yet: what running waits for.
  slotsNotApproved: sql<number>`(select count(*)::int from ${slots} s left join ${posts} p on p.slot_id = s.id where s.cycle_id = ${outerCycleId} and (p.id is null or p.status not in ('approved', 'published')))`,
  factRequestSent: sql<boolean>`exists (select 1 from ${factRequests} where ${factRequests.cycleId} = ${outerCycleId} and ${factRequests.status} <> 'draft')`,
};

/** Cycles of one client as the API shows them, with counts, guards and history, in three queries. */
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
  const changes = await db
    .select()
    .from(cycleStageChanges)
    .where(inArray(cycleStageChanges.cycleId, ids))
    .orderBy(asc(cycleStageChanges.id));
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
    return {
      id: row.id,
      clientId: row.clientId,
      month: row.month,
      stage: row.stage,
      owner: stageOwners[row.stage],
      deadlines: row.deadlines,
      overdue: isOverdue(row.stage, row.deadlines, client.timezone),
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

/** The plan facts a stage guard needs, for one cycle. */
export async function planFacts(db: Executor, client: ClientRow, row: CycleRow) {
  const [c] = await db.select(countColumns).from(cycles).where(eq(cycles.id, row.id));
  return { ...c!, shared: row.sharedAt !== null, month: row.month, timezone: client.timezone };
}

/** Topics of a cycle still unused (in no slot, not dropped): what goes to the reserve on close. */
export const unusedTopicsOf = (cycleId: string) =>
  and(
    eq(topics.cycleId, cycleId),
    ne(topics.status, 'dropped'),
    sql`not exists (select 1 from ${slots} where ${slots.topicId} = ${topics.id})`,
  );

export const openCycles = (clientId: string) =>
  and(eq(cycles.clientId, clientId), ne(cycles.stage, 'closed'));
