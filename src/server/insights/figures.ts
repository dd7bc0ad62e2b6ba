import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MonthFigures } from '../../shared/api/insights.ts';
import { type CycleStage, cycleStages } from '../../shared/roles.ts';
import { daysOfMonth, localParts, zonedInstant } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import {
  cycleStageChanges,
  cycles,
  factItems,
  factRequests,
  meetings,
  posts,
  slots,
  topicPasses,
  topics,
  unplannedChanges,
} from '../db/schema/index.ts';
import type { CycleRow } from '../planning/load.ts';
import { type Side, seesStageMarks } from '../policies/side.ts';
import { approvalFiguresOf } from './approvals.ts';

const int = (v: unknown) => Number(v ?? 0);
const byCycle = <T extends { cycleId: string }>(rows: T[]) => new Map(rows.map((r) => [r.cycleId, r]));

/**
 * The figures of many months at once (of clients in one time zone): one grouped query per
 * table, whatever the number of months (the agency view asks for a year of 200 clients).
 * For the client's side, deadlines count only the stages the client takes part in, and the
 * reserve only the topics it may see (the same rules as the cycle and the reserve it is shown).
 */
export async function computeFigures(
  db: Executor,
  timezone: string,
  cycleRows: CycleRow[],
  now = new Date(),
  side: Side = 'agency',
): Promise<Map<string, MonthFigures>> {
  const ids = cycleRows.map((c) => c.id);
  if (ids.length === 0) return new Map();
  const [slotRows, postRows, changeRows, topicRows, factRows, overdueRows, stageRows, meetingRows] =
    await Promise.all([
      // Situational posts add slots during the month: they were not planned. (The outer column is
      // spelled out: drizzle leaves columns unqualified in a one-table select.)
      db
        .select({
          cycleId: slots.cycleId,
          planned: sql<number>`count(*) filter (where not exists (select 1 from ${unplannedChanges} u where u.slot_id = ${sql.raw('"slots"."id"')} and u.kind = 'situational'))`,
        })
        .from(slots)
        .where(inArray(slots.cycleId, ids))
        .groupBy(slots.cycleId),
      db
        .select({
          cycleId: posts.cycleId,
          published: sql<number>`count(*) filter (where ${posts.status} = 'published')`,
          approved: sql<number>`count(*) filter (where ${posts.approvedRound} is not null)`,
          firstRound: sql<number>`count(*) filter (where ${posts.approvedRound} = 1)`,
          averageRounds: sql<number | null>`avg(${posts.round}) filter (where ${posts.revision} > 0)`,
          revisionRounds: sql<number>`coalesce(sum(${posts.round} - 1) filter (where ${posts.revision} > 0), 0)`,
        })
        .from(posts)
        .where(inArray(posts.cycleId, ids))
        .groupBy(posts.cycleId),
      db
        .select({
          cycleId: unplannedChanges.cycleId,
          situational: sql<number>`count(*) filter (where ${unplannedChanges.kind} = 'situational')`,
          replacements: sql<number>`count(*) filter (where ${unplannedChanges.kind} = 'replacement')`,
          rewrites: sql<number>`count(*) filter (where ${unplannedChanges.kind} = 'same_day_rewrite')`,
          covered: sql<number>`count(*) filter (where ${unplannedChanges.covered})`,
        })
        .from(unplannedChanges)
        .where(
          and(
            inArray(unplannedChanges.cycleId, ids),
            // Rewrites Plit detected by itself are the agency's (presenters/posts/changes.ts).
            side === 'agency' ? undefined : eq(unplannedChanges.detected, false),
          ),
        )
        .groupBy(unplannedChanges.cycleId),
      // A topic's pass through the month tells how it left; its row tells where it came from.
      db
        .select({
          cycleId: topicPasses.cycleId,
          proposed: sql<number>`count(*) filter (where ${topicPasses.leftAt} is null and ${topics.status} = 'proposed')`,
          accepted: sql<number>`count(*) filter (where ${topicPasses.leftAt} is null and ${topics.status} in ('accepted', 'changed'))`,
          parked: sql<number>`count(*) filter (where ${topicPasses.leftAs} in ('parked', 'replaced', 'unused'))`,
          dropped: sql<number>`count(*) filter (where ${topicPasses.leftAt} is null and ${topics.status} = 'dropped')`,
          fromClient: sql<number>`count(*) filter (where ${topics.source} = 'client')`,
          fromMeeting: sql<number>`count(*) filter (where ${topics.source} = 'meeting')`,
          fromReserve: sql<number>`count(*) filter (where exists (select 1 from ${topicPasses} p2 where p2.topic_id = ${topicPasses.topicId} and p2.cycle_id <> ${topicPasses.cycleId} and p2.entered_at < ${topicPasses.enteredAt}))`,
        })
        .from(topicPasses)
        .innerJoin(topics, eq(topics.id, topicPasses.topicId))
        .where(inArray(topicPasses.cycleId, ids))
        .groupBy(topicPasses.cycleId),
      db
        .select({
          cycleId: factRequests.cycleId,
          turnaround: sql<
            number | null
          >`extract(epoch from (${factRequests.completedAt} - ${factRequests.sentAt})) / 86400`,
        })
        .from(factRequests)
        .where(and(inArray(factRequests.cycleId, ids), sql`${factRequests.sentAt} is not null`)),
      // Late against the client's own calendar: answered after the due date, or still open past it.
      db
        .select({
          cycleId: factRequests.cycleId,
          overdue: sql<number>`count(*) filter (where ${factItems.dueOn} is not null and (
          (${factItems.firstAnsweredAt} is not null and (${factItems.firstAnsweredAt} at time zone ${timezone})::date > ${factItems.dueOn}::date)
          or (${factItems.firstAnsweredAt} is null and ${factItems.status} <> 'accepted' and (${now.toISOString()}::timestamptz at time zone ${timezone})::date > ${factItems.dueOn}::date)))`,
        })
        .from(factItems)
        .innerJoin(factRequests, eq(factRequests.id, factItems.requestId))
        .where(and(inArray(factRequests.cycleId, ids), sql`${factRequests.sentAt} is not null`))
        .groupBy(factRequests.cycleId),
      db
        .select({
          cycleId: cycleStageChanges.cycleId,
          from: cycleStageChanges.fromStage,
          at: cycleStageChanges.at,
        })
        .from(cycleStageChanges)
        .where(inArray(cycleStageChanges.cycleId, ids))
        .orderBy(cycleStageChanges.id),
      db
        .select({ cycleId: meetings.cycleId, format: meetings.format, status: meetings.status })
        .from(meetings)
        .where(inArray(meetings.cycleId, ids)),
    ]);
  const slotsOf = byCycle(slotRows);
  const postsOf = byCycle(postRows);
  const changesOf = byCycle(changeRows);
  const topicsOf = byCycle(topicRows);
  const factsOf = byCycle(factRows);
  const overdueOf = byCycle(overdueRows);
  const meetingOf = byCycle(meetingRows);
  const reserveOf = await reserveAtMonthEnd(db, timezone, cycleRows, side);
  const approvalsOf = await approvalFiguresOf(db, cycleRows, now);
  const today = localParts(now, timezone).date;
  const out = new Map<string, MonthFigures>();
  for (const cycle of cycleRows) {
    const p = postsOf.get(cycle.id);
    const c = changesOf.get(cycle.id);
    const t = topicsOf.get(cycle.id);
    const f = factsOf.get(cycle.id);
    const m = meetingOf.get(cycle.id);
    const approved = int(p?.approved);
    const firstRound = int(p?.firstRound);
    const average =
      p?.averageRounds === null || p?.averageRounds === undefined ? null : Number(p.averageRounds);
    out.set(cycle.id, {
      postsPlanned: int(slotsOf.get(cycle.id)?.planned),
      postsPublished: int(p?.published),
      postsApproved: approved,
      approvedFirstRound: firstRound,
      firstRoundShare: approved ? firstRound / approved : null,
      averageRounds: average === null ? null : Math.round(average * 100) / 100,
      revisionRounds: int(p?.revisionRounds),
      situational: int(c?.situational),
      replacements: int(c?.replacements),
      rewrites: int(c?.rewrites),
      covered: int(c?.covered),
      topics: {
        proposed: int(t?.proposed),
        accepted: int(t?.accepted),
        parked: int(t?.parked),
        dropped: int(t?.dropped),
        fromClient: int(t?.fromClient),
        fromMeeting: int(t?.fromMeeting),
        fromReserve: int(t?.fromReserve),
        reserveSize: int(reserveOf.get(cycle.id)),
      },
      factTurnaroundDays:
        f?.turnaround === null || f?.turnaround === undefined
          ? null
          : Math.round(Number(f.turnaround) * 10) / 10,
      factItemsOverdue: f ? int(overdueOf.get(cycle.id)?.overdue) : null,
      approvalTurnaroundHours: approvalsOf.get(cycle.id)?.approvalTurnaroundHours ?? null,
      approvalsOverdue: approvalsOf.get(cycle.id)?.approvalsOverdue ?? null,
      deadlines: deadlinesOf(
        cycle,
        stageRows.filter((s) => s.cycleId === cycle.id),
        timezone,
        today,
        side,
      ),
      meeting: !m ? 'none' : m.format === 'async' ? 'fire_mode' : m.status === 'ended' ? 'held' : 'none',
    });
  }
  return out;
}

/**
 * Each stage with a deadline is met when the cycle left it by that local date, missed when it
 * left later or is still in it past the date; a stage not reached or still in time is neither.
 */
function deadlinesOf(
  cycle: CycleRow,
  changes: Array<{ from: CycleStage | null; at: Date }>,
  timezone: string,
  today: string,
  side: Side,
) {
  let met = 0;
  let missed = 0;
  const reached = cycleStages.indexOf(cycle.stage);
  for (const stage of cycleStages) {
    const deadline = cycle.deadlines[stage];
    if (!deadline || stage === 'closed' || !seesStageMarks(side, stage)) continue;
    const left = changes.find((c) => c.from === stage);
    if (left) {
      if (localParts(left.at, timezone).date <= deadline) met += 1;
      else missed += 1;
    } else if (cycleStages.indexOf(stage) === reached && today > deadline) missed += 1;
  }
  return { met, missed };
}

/**
 * Topics in the client's reserve when each month ended (in the client's zone): sent there
 * (parked, unused at a close, replaced) by then and not pulled into a month since, plus ideas
 * that went straight into the reserve by then.
 */
async function reserveAtMonthEnd(db: Executor, timezone: string, cycleRows: CycleRow[], side: Side) {
  const out = new Map<string, number>();
  if (cycleRows.length === 0) return out;
  const ends = cycleRows.map((c) => {
    const last = daysOfMonth(c.month).at(-1)!;
    return {
      cycleId: c.id,
      clientId: c.clientId,
      end: new Date(zonedInstant(last, '23:59', timezone).getTime() + 60_000),
    };
  });
  // A contact counts the reserve topics it may see: its own ideas and those of shared plans.
  const seen =
    side === 'agency'
      ? sql``
      : sql`and (t.source = 'client' or exists (select 1 from ${topicPasses} s inner join ${cycles} c on c.id = s.cycle_id where s.topic_id = t.id and c.shared_at is not null))`;
  const rows = await db.execute(sql`
    select e.cycle_id as "cycleId", (
      select count(*)::int from ${topics} t
      where t.client_id = e.client_id and t.status <> 'dropped' ${seen} and (
        exists (
          select 1 from ${topicPasses} p
          where p.topic_id = t.id and p.left_at < e.month_end and p.left_as in ('parked', 'unused', 'replaced')
            and not exists (select 1 from ${topicPasses} q where q.topic_id = t.id and q.entered_at > p.left_at and q.entered_at < e.month_end))
        or (t.created_at < e.month_end and t.status = 'parked' and not exists (select 1 from ${topicPasses} p where p.topic_id = t.id and p.entered_at < e.month_end)))
    ) as "size"
    from (values ${sql.join(
      ends.map((e) => sql`(${e.cycleId}::uuid, ${e.clientId}::uuid, ${e.end.toISOString()}::timestamptz)`),
      sql`, `,
    )}) as e (cycle_id, client_id, month_end)`);
  for (const row of (rows as unknown as { rows: Array<{ cycleId: string; size: number }> }).rows) {
    out.set(row.cycleId, Number(row.size));
  }
  return out;
}
