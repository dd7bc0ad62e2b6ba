import { type AnyColumn, and, asc, gte, inArray, isNotNull, lte, max, sql } from 'drizzle-orm';
import type { InsightMonth, MonthFigures } from '../../shared/api/insights.ts';
import { isPartialMonth } from '../../shared/insights.ts';
import { localParts } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import { cycles, events, insightCache, insightHistory } from '../db/schema/index.ts';
import type { Side } from '../policies/side.ts';
import type { ClientRow } from '../tenancy.ts';
import { computeFigures } from './figures.ts';

type HistoryRow = typeof insightHistory.$inferSelect;

/** A month from the agency's spreadsheet: the post figures it kept, nothing Plit did not see. */
export function importedFigures(h: HistoryRow): MonthFigures {
  const rounds = h.postsApproved ? 1 + h.revisionRounds / h.postsApproved : null;
  return {
    postsPlanned: h.postsPlanned,
    postsPublished: h.postsPublished,
    postsApproved: h.postsApproved,
    approvedFirstRound: h.approvedFirstRound,
    firstRoundShare: h.postsApproved ? h.approvedFirstRound / h.postsApproved : null,
    averageRounds: rounds === null ? null : Math.round(rounds * 100) / 100,
    revisionRounds: h.revisionRounds,
    situational: h.situational,
    replacements: h.replacements,
    rewrites: h.rewrites,
    covered: 0,
    topics: null,
    factTurnaroundDays: null,
    factItemsOverdue: null,
    approvalTurnaroundHours: null,
    approvalsOverdue: null,
    deadlines: null,
    meeting: null,
  };
}

type ClientRef = Pick<ClientRow, 'id' | 'timezone' | 'coCreationSince'>;

interface Options {
  /** Who reads them: a client contact counts only what the client may see. */
  side?: Side;
  now?: Date;
}

/**
 * Clients' months from `from` to `to` (YYYY-MM, inclusive): Plit's own months computed (closed
 * ones from the cache while nothing of the client changed since), imported months where Plit
 * has none. A handful of queries for any number of clients: the agency view asks for 200.
 *
 * For the client's side, a month whose plan is not shared is left out (its slots and topics are
 * the agency's draft), and the figures are the client's (figures.ts: the client's own stage
 * deadlines, the reserve topics it may see). Those are computed each time: the cache holds the
 * agency's figures, and contacts read insights rarely.
 */
export async function insightMonthsOf(
  db: Executor,
  clientRows: ClientRef[],
  from: string,
  to: string,
  { side = 'agency', now = new Date() }: Options = {},
): Promise<Map<string, InsightMonth[]>> {
  const result = new Map<string, InsightMonth[]>(clientRows.map((c) => [c.id, []]));
  if (clientRows.length === 0) return result;
  const ids = clientRows.map((c) => c.id);
  const inRange = <T extends { month: AnyColumn; clientId: AnyColumn }>(t: T) =>
    and(inArray(t.clientId, ids), gte(t.month, from), lte(t.month, to));
  const agency = side === 'agency';
  const [cycleRows, history, cached, prints] = await Promise.all([
    db
      .select()
      .from(cycles)
      .where(and(inRange(cycles), agency ? undefined : isNotNull(cycles.sharedAt)))
      .orderBy(asc(cycles.month)),
    db.select().from(insightHistory).where(inRange(insightHistory)),
    agency ? db.select().from(insightCache).where(inRange(insightCache)) : [],
    // The client's latest event: any change after it makes its cached figures stale.
    db
      .select({ clientId: events.clientId, id: max(events.id) })
      .from(events)
      .where(inArray(events.clientId, ids))
      .groupBy(events.clientId),
  ]);
  const fingerprint = new Map(prints.map((p) => [p.clientId, String(p.id ?? 0)]));
  const printOf = (clientId: string) => fingerprint.get(clientId) ?? '0';
  const fresh = new Map(
    cached
      // Figures cached before the approval figures existed are computed again.
      .filter((c) => c.fingerprint === printOf(c.clientId) && 'approvalsOverdue' in c.figures)
      .map((c) => [`${c.clientId}/${c.month}`, c.figures]),
  );
  const toCompute = cycleRows.filter((c) => !(c.stage === 'closed' && fresh.has(`${c.clientId}/${c.month}`)));
  // Figures depend on the client's time zone: one computation per zone.
  const zoneOf = new Map(clientRows.map((c) => [c.id, c.timezone]));
  const computed = new Map<string, MonthFigures>();
  for (const zone of new Set(toCompute.map((c) => zoneOf.get(c.clientId)!))) {
    const group = toCompute.filter((c) => zoneOf.get(c.clientId) === zone);
    for (const [id, f] of await computeFigures(db, zone, group, now, side)) computed.set(id, f);
  }
  // Closed months are kept; a month still in work changes too often to be worth it.
  const keep = agency ? toCompute.filter((c) => c.stage === 'closed') : [];
  if (keep.length > 0) {
    await db
      .insert(insightCache)
      .values(
        keep.map((c) => ({
          clientId: c.clientId,
          month: c.month,
          fingerprint: printOf(c.clientId),
          figures: computed.get(c.id)!,
        })),
      )
      .onConflictDoUpdate({
        target: [insightCache.clientId, insightCache.month],
        set: {
          fingerprint: sql`excluded.fingerprint`,
          figures: sql`excluded.figures`,
          computedAt: sql`now()`,
        },
      });
  }
  const sinceOf = new Map(clientRows.map((c) => [c.id, c.coCreationSince]));
  // Whether a month is over is decided here, once, in the client's zone (shared/insights.ts):
  // every reader (screen, CSV, PDF) takes `partial` from here. A cycle may be closed early
  // while its month still runs: the stage says nothing about the calendar.
  const todayOf = new Map(clientRows.map((c) => [c.id, localParts(now, c.timezone).date]));
  const partial = (clientId: string, month: string) => isPartialMonth(month, todayOf.get(clientId)!);
  for (const c of cycleRows) {
    const since = sinceOf.get(c.clientId) ?? null;
    result.get(c.clientId)!.push({
      month: c.month,
      before: since !== null && c.month < since,
      partial: partial(c.clientId, c.month),
      source: 'plit',
      stage: c.stage,
      cycleId: c.id,
      figures: computed.get(c.id) ?? fresh.get(`${c.clientId}/${c.month}`)!,
    });
  }
  for (const h of history) {
    const months = result.get(h.clientId)!;
    if (months.some((m) => m.month === h.month)) continue;
    months.push({
      month: h.month,
      before: true,
      partial: partial(h.clientId, h.month),
      source: 'imported',
      stage: null,
      cycleId: null,
      figures: importedFigures(h),
    });
  }
  for (const months of result.values()) months.sort((a, b) => a.month.localeCompare(b.month));
  return result;
}

/** One client's months (see insightMonthsOf). */
export async function insightMonths(
  db: Executor,
  client: ClientRef,
  from: string,
  to: string,
  options: Options = {},
) {
  return (await insightMonthsOf(db, [client], from, to, options)).get(client.id)!;
}
