import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MoveOwner, Wait } from '../../shared/api/whoseMove.ts';
import { localParts } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import { factItems, factRequests, meetings, posts, postVersions, slots } from '../db/schema/index.ts';
import type { Side } from '../policies/side.ts';
import { approvalDueOn } from '../posts/approvalDue.ts';
import type { ClientRow } from '../tenancy.ts';
import type { CycleRow } from './load.ts';

/**
 * Whose move it is in a month, from what actually waits: the one rule behind `owner` and
 * `waiting` on the cycles, the client cards and the client's to-do (`GET /api/todo`), so none of
 * them can disagree. The same conditions pick the rows the to-do lists: a post waits for the
 * client in `client_review`; a fact item while its request is sent and it is `open` (to answer) or
 * `follow_up` (to reply to); a meeting while it is `live` (a fire-mode review: `async` and live).
 */
export const postWaitsForClient = eq(posts.status, 'client_review');
export const factItemWaitsForClient = and(
  eq(factRequests.status, 'sent'),
  inArray(factItems.status, ['open', 'follow_up']),
);

/** Everything that waits in one month, for each side; `owner` is decided from it by `moveFor`. */
export interface CycleWaits {
  closed: boolean;
  client: Wait[];
  agency: Wait[];
}

export interface CycleOfClient {
  cycle: CycleRow;
  client: Pick<ClientRow, 'timezone' | 'country' | 'approvalLeadDays'>;
}

/**
 * What waits in each of these months, in three queries whatever their number (posts and slots,
 * fact items, meetings), plus the holiday calendar for the approval due dates.
 */
export async function waitsOfCycles(db: Executor, list: CycleOfClient[]): Promise<Map<string, CycleWaits>> {
  const result = new Map<string, CycleWaits>();
  if (list.length === 0) return result;
  const ids = list.map((c) => c.cycle.id);
  const publishAt = sql`coalesce(${postVersions.publishAt}, ${slots.startsAt})`;
  const [postRows, factRows, meetingRows] = await Promise.all([
    db
      .select({
        cycleId: slots.cycleId,
        slots: sql<number>`count(*)::int`,
        slotsWithoutTopic: sql<number>`(count(*) filter (where ${slots.topicId} is null))::int`,
        unwritten: sql<number>`(count(*) filter (where ${slots.topicId} is not null and ${posts.id} is null))::int`,
        drafts: sql<number>`(count(*) filter (where ${posts.status} in ('draft', 'internal_review')))::int`,
        toRevise: sql<number>`(count(*) filter (where ${posts.status} = 'changes_requested'))::int`,
        inReview: sql<number>`(count(*) filter (where ${postWaitsForClient}))::int`,
        // Each waiting post's publish time and when its version was sent: the earliest due date
        // decides, and a post sent late is due from the day it was sent (approvalDue.ts).
        inReviewTimes: sql<Array<{
          publishAt: string;
          sentAt: string | null;
        }> | null>`json_agg(json_build_object('publishAt', ${publishAt}, 'sentAt', ${postVersions.createdAt})) filter (where ${postWaitsForClient})`,
        approved: sql<number>`(count(*) filter (where ${posts.status} = 'approved'))::int`,
      })
      .from(slots)
      .leftJoin(posts, eq(posts.slotId, slots.id))
      .leftJoin(
        postVersions,
        and(eq(postVersions.postId, posts.id), eq(postVersions.revision, posts.revision)),
      )
      .where(inArray(slots.cycleId, ids))
      .groupBy(slots.cycleId),
    db
      .select({
        cycleId: factRequests.cycleId,
        status: factRequests.status,
        toAnswer: sql<number>`(count(${factItems.id}) filter (where ${factItems.status} = 'open'))::int`,
        answerDue: sql<string | null>`min(${factItems.dueOn}) filter (where ${factItems.status} = 'open')`,
        followUps: sql<number>`(count(${factItems.id}) filter (where ${factItems.status} = 'follow_up'))::int`,
        followUpDue: sql<
          string | null
        >`min(${factItems.dueOn}) filter (where ${factItems.status} = 'follow_up')`,
        answered: sql<number>`(count(${factItems.id}) filter (where ${factItems.status} = 'answered'))::int`,
      })
      .from(factRequests)
      .leftJoin(factItems, eq(factItems.requestId, factRequests.id))
      .where(inArray(factRequests.cycleId, ids))
      .groupBy(factRequests.cycleId, factRequests.status),
    db
      .select({
        cycleId: meetings.cycleId,
        format: meetings.format,
        status: meetings.status,
        startsAt: meetings.startsAt,
      })
      .from(meetings)
      .where(inArray(meetings.cycleId, ids)),
  ]);
  const postsOf = new Map(postRows.map((r) => [r.cycleId, r]));
  const factsOf = new Map(factRows.map((r) => [r.cycleId, r]));
  const meetingOf = new Map(meetingRows.map((r) => [r.cycleId, r]));

  for (const { cycle, client } of list) {
    const p = postsOf.get(cycle.id);
    const f = factsOf.get(cycle.id);
    const m = meetingOf.get(cycle.id);
    const waits: CycleWaits = { closed: cycle.stage === 'closed', client: [], agency: [] };
    result.set(cycle.id, waits);
    if (waits.closed) continue;
    const meetingDay = m ? localParts(m.startsAt, client.timezone).date : null;
    const deadlines = cycle.deadlines;

    // The client's side, most pressing first.
    if (m?.status === 'live') {
      // A fire-mode review is due by its own date, not by the meeting stage's deadline.
      waits.client.push({
        kind: m.format === 'async' ? 'review' : 'meeting_live',
        count: null,
        due: meetingDay,
      });
    }
    if (p && p.inReview > 0 && p.inReviewTimes?.length) {
      const dues = await Promise.all(
        p.inReviewTimes.map((t) =>
          approvalDueOn(
            new Date(t.publishAt),
            client.approvalLeadDays,
            client,
            t.sentAt ? new Date(t.sentAt) : null,
          ),
        ),
      );
      waits.client.push({ kind: 'posts_to_approve', count: p.inReview, due: dues.sort()[0]! });
    }
    if (f?.status === 'sent') {
      if (f.toAnswer > 0) waits.client.push({ kind: 'fact_items', count: f.toAnswer, due: f.answerDue });
      if (f.followUps > 0)
        waits.client.push({ kind: 'fact_follow_ups', count: f.followUps, due: f.followUpDue });
    }

    // The agency's side, in the order of the month's work.
    const agency = waits.agency;
    const planStage = cycle.stage === 'preparation' || cycle.stage === 'meeting';
    if (planStage && (!m || m.status === 'scheduled')) {
      if (cycle.sharedAt === null) {
        const unplanned = !p || p.slots === 0 || p.slotsWithoutTopic > 0;
        agency.push({
          kind: unplanned ? 'prepare_plan' : 'share_plan',
          count: null,
          due: deadlines.preparation ?? null,
        });
      } else if (!m) {
        agency.push({ kind: 'schedule_meeting', count: null, due: deadlines.preparation ?? null });
      } else {
        agency.push({
          kind: m.format === 'async' ? 'open_review' : 'hold_meeting',
          count: null,
          due: meetingDay,
        });
      }
    }
    const afterMeeting = cycle.stage === 'facts' || (planStage && m?.status === 'ended');
    if (afterMeeting && (!f || f.status === 'draft')) {
      agency.push({ kind: 'send_fact_request', count: null, due: deadlines.meeting ?? null });
    }
    if (f && f.status !== 'draft' && f.answered > 0) {
      agency.push({ kind: 'review_fact_answers', count: f.answered, due: null });
    }
    const writing = cycle.stage === 'content' || cycle.stage === 'running';
    if (writing && p) {
      if (p.toRevise > 0)
        agency.push({ kind: 'revise_posts', count: p.toRevise, due: deadlines.content ?? null });
      const toWrite = p.unwritten + p.drafts;
      if (toWrite > 0) agency.push({ kind: 'write_posts', count: toWrite, due: deadlines.content ?? null });
    }
    if (cycle.stage === 'facts' && f && f.status !== 'draft' && agency.length === 0) {
      // The request is out and nothing else is the agency's: writing may start with what is in.
      agency.push({ kind: 'write_posts', count: null, due: deadlines.content ?? null });
    }
    if (cycle.stage === 'running' && p && p.approved > 0) {
      agency.push({ kind: 'publish_posts', count: p.approved, due: null });
    }
  }
  return result;
}

/**
 * Whose move it is, and what waits for them, as this side is shown it. The client's whenever
 * anything waits for a client contact; nobody's in a closed month; otherwise the agency's.
 *
 * The rule for a client contact and the agency's move: they learn THAT it is the agency's move
 * and which step of the month it is (the kind), nothing of the agency's desk. So an agency wait
 * reaches a contact without its count (how many drafts are unsent, how many posts are being
 * rewritten is work in progress) and without its due date (the agency's stage deadlines are its
 * own, `policies/side.ts` `stageDeadlinesFor`). Two things the contact already knows keep theirs:
 * the meeting's or review's own date (they were invited) and how many of their own answers wait
 * for the agency's review.
 */
export function moveFor(side: Side, waits: CycleWaits | undefined): { owner: MoveOwner; waiting: Wait[] } {
  if (!waits || waits.closed) return { owner: 'nobody', waiting: [] };
  if (waits.client.length > 0) return { owner: 'client', waiting: waits.client };
  if (side === 'agency') return { owner: 'agency', waiting: waits.agency };
  return {
    owner: 'agency',
    waiting: waits.agency.map((w) => ({
      kind: w.kind,
      count: w.kind === 'review_fact_answers' ? w.count : null,
      due: w.kind === 'hold_meeting' || w.kind === 'open_review' ? w.due : null,
    })),
  };
}
