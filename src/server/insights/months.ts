import { and, asc, eq, gte, inArray, lte, max } from 'drizzle-orm';
import type { InsightMonth, MonthFigures } from '../../shared/api/insights.ts';
import type { Executor } from '../db/connect.ts';
import { cycles, events, insightCache, insightHistory } from '../db/schema/index.ts';
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
    deadlines: null,
    meeting: null,
  };
}

/** The client's latest event: any change after it makes cached figures stale. */
async function fingerprintOf(db: Executor, clientId: string): Promise<string> {
  const [row] = await db
    .select({ id: max(events.id) })
    .from(events)
    .where(eq(events.clientId, clientId));
  return String(row?.id ?? 0);
}

/**
 * One client's months from `from` to `to` (YYYY-MM, inclusive): Plit's own months computed
 * (closed ones from the cache while nothing changed), imported months where Plit has none.
 */
export async function insightMonths(
  db: Executor,
  client: Pick<ClientRow, 'id' | 'timezone' | 'coCreationSince'>,
  from: string,
  to: string,
  now = new Date(),
): Promise<InsightMonth[]> {
  const [cycleRows, history, cached, fingerprint] = await Promise.all([
    db
      .select()
      .from(cycles)
      .where(and(eq(cycles.clientId, client.id), gte(cycles.month, from), lte(cycles.month, to)))
      .orderBy(asc(cycles.month)),
    db
      .select()
      .from(insightHistory)
      .where(
        and(
          eq(insightHistory.clientId, client.id),
          gte(insightHistory.month, from),
          lte(insightHistory.month, to),
        ),
      ),
    db
      .select()
      .from(insightCache)
      .where(
        and(eq(insightCache.clientId, client.id), gte(insightCache.month, from), lte(insightCache.month, to)),
      ),
    fingerprintOf(db, client.id),
  ]);
  const fresh = new Map(cached.filter((c) => c.fingerprint === fingerprint).map((c) => [c.month, c.figures]));
  const toCompute = cycleRows.filter((c) => !(c.stage === 'closed' && fresh.has(c.month)));
  const computed = await computeFigures(db, client.timezone, toCompute, now);
  // Closed months are kept; a month still in work changes too often to be worth it.
  const keep = toCompute.filter((c) => c.stage === 'closed');
  if (keep.length > 0) {
    await db.delete(insightCache).where(
      and(
        eq(insightCache.clientId, client.id),
        inArray(
          insightCache.month,
          keep.map((c) => c.month),
        ),
      ),
    );
    await db
      .insert(insightCache)
      .values(
        keep.map((c) => ({ clientId: client.id, month: c.month, fingerprint, figures: computed.get(c.id)! })),
      )
      .onConflictDoNothing();
  }
  const since = client.coCreationSince;
  const months: InsightMonth[] = cycleRows.map((c) => ({
    month: c.month,
    before: since !== null && c.month < since,
    source: 'plit',
    stage: c.stage,
    cycleId: c.id,
    figures: computed.get(c.id) ?? fresh.get(c.month)!,
  }));
  for (const h of history) {
    if (cycleRows.some((c) => c.month === h.month)) continue;
    months.push({
      month: h.month,
      before: true,
      source: 'imported',
      stage: null,
      cycleId: null,
      figures: importedFigures(h),
    });
  }
  return months.sort((a, b) => a.month.localeCompare(b.month));
}
