import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { localParts } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import { clients, posts, postVersions } from '../db/schema/index.ts';
import type { CycleRow } from '../planning/load.ts';
import { approvalDueOn } from '../posts/approvalDue.ts';

interface ApprovalFigures {
  /** Median hours from sending the version the client approved to the approval; null with none. */
  approvalTurnaroundHours: number | null;
  /** Posts approved after their approval due date, or still waiting past it; null with none sent. */
  approvalsOverdue: number | null;
}

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * How fast each month's posts were approved and how many missed their approval date. The due
 * date is the one rule of posts/approvalDue.ts (working days in the client's calendar), so it is
 * worked out here rather than in SQL, from the version the client answered: the approved one,
 * or the one still waiting. The client's current lead is used: the setting keeps no history.
 */
export async function approvalFiguresOf(
  db: Executor,
  cycleRows: CycleRow[],
  now: Date,
): Promise<Map<string, ApprovalFigures>> {
  const out = new Map<string, ApprovalFigures>();
  if (cycleRows.length === 0) return out;
  const clientIds = [...new Set(cycleRows.map((c) => c.clientId))];
  const [clientRows, rows] = await Promise.all([
    db
      .select({
        id: clients.id,
        timezone: clients.timezone,
        country: clients.country,
        lead: clients.approvalLeadDays,
      })
      .from(clients)
      .where(inArray(clients.id, clientIds)),
    db
      .select({
        cycleId: posts.cycleId,
        clientId: posts.clientId,
        approvedAt: posts.approvedAt,
        sentAt: postVersions.createdAt,
        publishAt: postVersions.publishAt,
      })
      .from(posts)
      .innerJoin(
        postVersions,
        and(
          eq(postVersions.postId, posts.id),
          eq(postVersions.revision, sql`coalesce(${posts.approvedRevision}, ${posts.revision})`),
        ),
      )
      .where(
        and(
          inArray(
            posts.cycleId,
            cycleRows.map((c) => c.id),
          ),
          or(isNotNull(posts.approvedAt), eq(posts.status, 'client_review')),
        ),
      ),
  ]);
  const clientOf = new Map(clientRows.map((c) => [c.id, c]));
  for (const cycle of cycleRows) {
    const client = clientOf.get(cycle.clientId);
    const mine = rows.filter((r) => r.cycleId === cycle.id);
    if (!client || mine.length === 0) {
      out.set(cycle.id, { approvalTurnaroundHours: null, approvalsOverdue: null });
      continue;
    }
    const today = localParts(now, client.timezone).date;
    const hours: number[] = [];
    let overdue = 0;
    for (const r of mine) {
      const due = await approvalDueOn(r.publishAt, client.lead, client, r.sentAt);
      if (r.approvedAt) {
        hours.push((r.approvedAt.getTime() - r.sentAt.getTime()) / 3_600_000);
        if (localParts(r.approvedAt, client.timezone).date > due) overdue += 1;
      } else if (today > due) overdue += 1;
    }
    const middle = median(hours);
    out.set(cycle.id, {
      approvalTurnaroundHours: middle === null ? null : Math.round(middle * 10) / 10,
      approvalsOverdue: overdue,
    });
  }
  return out;
}
