import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { cycles, factRequests, posts, slots, topics } from '../db/schema/index.ts';
import type { ClientRow } from '../tenancy.ts';
import type { CycleRow } from './load.ts';

// Counted beside each cycle in one query; the outer column is spelled out because drizzle
// leaves columns unqualified in a one-table select.
const outerCycleId = sql.raw('"cycles"."id"');
export const countColumns = {
  slots: sql<number>`(select count(*)::int from ${slots} where ${slots.cycleId} = ${outerCycleId})`,
  slotsWithoutTopic: sql<number>`(select count(*)::int from ${slots} where ${slots.cycleId} = ${outerCycleId} and ${slots.topicId} is null)`,
  topics: sql<number>`(select count(*)::int from ${topics} where ${topics.cycleId} = ${outerCycleId} and ${topics.status} <> 'dropped')`,
  undecidedTopics: sql<number>`(select count(*)::int from ${topics} where ${topics.cycleId} = ${outerCycleId} and ${topics.status} = 'proposed')`,
  // Slots with no post, or a post not approved (or published) yet: what running waits for.
  slotsNotApproved: sql<number>`(select count(*)::int from ${slots} s left join ${posts} p on p.slot_id = s.id where s.cycle_id = ${outerCycleId} and (p.id is null or p.status not in ('approved', 'published')))`,
  factRequestSent: sql<boolean>`exists (select 1 from ${factRequests} where ${factRequests.cycleId} = ${outerCycleId} and ${factRequests.status} <> 'draft')`,
};

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
