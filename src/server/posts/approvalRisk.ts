import { inArray } from 'drizzle-orm';
import { localParts } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import { postVersions } from '../db/schema/index.ts';
import type { ClientRow } from '../tenancy.ts';
import { approvalDueOn } from './approvalDue.ts';

interface ApprovalMark {
  /** The local date by which the client should approve (approvalDue.ts). */
  approvalDue: string;
  /** The due day has passed and the post still waits for the client. */
  atRisk: boolean;
}

type Waiting = { id: string; status: string; revision: number };

/**
 * The approval deadline of each of these posts that waits for the client, by post id. It runs
 * from the publish time of the version the client was sent (what they were asked to approve),
 * so both sides read the same date, whatever the agency has moved since. Posts in any other
 * status have none: a deadline only means something while the move is the client's.
 */
export async function approvalMarks(
  db: Executor,
  client: Pick<ClientRow, 'timezone' | 'country' | 'approvalLeadDays'>,
  rows: Waiting[],
  now = new Date(),
): Promise<Map<string, ApprovalMark>> {
  const waiting = rows.filter((p) => p.status === 'client_review' && p.revision > 0);
  if (waiting.length === 0) return new Map();
  const sent = await db
    .select({
      postId: postVersions.postId,
      revision: postVersions.revision,
      publishAt: postVersions.publishAt,
      sentAt: postVersions.createdAt,
    })
    .from(postVersions)
    .where(
      inArray(
        postVersions.postId,
        waiting.map((p) => p.id),
      ),
    );
  const today = localParts(now, client.timezone).date;
  const marks = new Map<string, ApprovalMark>();
  for (const post of waiting) {
    const version = sent.find((v) => v.postId === post.id && v.revision === post.revision);
    if (!version) continue;
    const approvalDue = await approvalDueOn(
      version.publishAt,
      client.approvalLeadDays,
      client,
      version.sentAt,
    );
    marks.set(post.id, { approvalDue, atRisk: today > approvalDue });
  }
  return marks;
}
