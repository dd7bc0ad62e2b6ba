import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TodoClient, todoList } from '../../shared/api/todo.ts';
import { localParts } from '../../shared/time.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import {
  clients,
  factItems,
  factRequests,
  meetings,
  postComments,
  posts,
  postVersions,
  slots,
  topics,
} from '../db/schema/index.ts';
import { cardCycleRows } from '../planning/currentCycle.ts';
import type { CycleRow } from '../planning/load.ts';
import { factItemWaitsForClient, moveFor, postWaitsForClient, waitsOfCycles } from '../planning/whoseMove.ts';
import { sideOf } from '../policies/side.ts';
import { approvalDueOn } from '../posts/approvalDue.ts';

/**
 * The client contact's to-do: per client they are a contact of, the months of its card with
 * whose move each is (`whoseMove.ts`), and the rows behind the client's waits, picked by the
 * same conditions (`postWaitsForClient`, `factItemWaitsForClient`, a live meeting), so the list
 * and "whose move" cannot disagree. Only what the person can act on is an action: a
 * contributor's posts come with `canApprove: false`. Five queries whatever the number of clients.
 */
export async function presentTodo(db: Executor, actor: Actor): Promise<z.infer<typeof todoList>> {
  const ids = [...actor.contactOf.keys()];
  if (ids.length === 0) return { clients: [] };
  const rows = await db
    .select()
    .from(clients)
    .where(and(inArray(clients.id, ids), isNull(clients.archivedAt)))
    .orderBy(asc(sql`lower(${clients.name})`));
  const chosen = await cardCycleRows(db, actor, rows);
  const byId = new Map(rows.map((c) => [c.id, c]));
  const monthsOf = new Map<string, CycleRow[]>();
  for (const [clientId, { current, next }] of chosen) {
    monthsOf.set(
      clientId,
      [current, next].filter((r): r is CycleRow => r !== null),
    );
  }
  const cycleRows = [...monthsOf.values()].flat();
  const cycleIds = cycleRows.map((c) => c.id);
  const waits = await waitsOfCycles(
    db,
    cycleRows.map((cycle) => ({ cycle, client: byId.get(cycle.clientId)! })),
  );
  const none = cycleIds.length === 0;
  const [postRows, itemRows, meetingRows] = none
    ? [[], [], []]
    : await Promise.all([
        db
          .select({
            postId: posts.id,
            cycleId: posts.cycleId,
            clientId: posts.clientId,
            title: topics.title,
            publishAt: sql<string | Date>`coalesce(${postVersions.publishAt}, ${slots.startsAt})`,
            sentAt: postVersions.createdAt,
            revision: posts.revision,
            openComments: sql<number>`(select count(*)::int from ${postComments} c where c.post_id = ${posts.id} and c.resolved_at is null and not c.internal)`,
          })
          .from(posts)
          .innerJoin(slots, eq(slots.id, posts.slotId))
          .leftJoin(topics, eq(topics.id, posts.topicId))
          .leftJoin(
            postVersions,
            and(eq(postVersions.postId, posts.id), eq(postVersions.revision, posts.revision)),
          )
          .where(and(inArray(posts.cycleId, cycleIds), postWaitsForClient)),
        db
          .select({
            itemId: factItems.id,
            requestId: factRequests.id,
            clientId: factRequests.clientId,
            question: factItems.question,
            dueOn: factItems.dueOn,
            status: factItems.status,
            contactId: factItems.contactId,
            position: factItems.position,
          })
          .from(factItems)
          .innerJoin(factRequests, eq(factRequests.id, factItems.requestId))
          .where(and(inArray(factRequests.cycleId, cycleIds), factItemWaitsForClient))
          .orderBy(asc(factItems.position)),
        db
          .select()
          .from(meetings)
          .where(and(inArray(meetings.cycleId, cycleIds), inArray(meetings.status, ['scheduled', 'live'])))
          .orderBy(asc(meetings.startsAt)),
      ]);

  const result: TodoClient[] = [];
  for (const client of rows) {
    const role = actor.contactOf.get(client.id)!.role;
    const side = sideOf(actor, client);
    const months = monthsOf.get(client.id) ?? [];
    const todoPosts = [];
    for (const p of postRows.filter((r) => r.clientId === client.id)) {
      const publishAt = new Date(p.publishAt);
      todoPosts.push({
        postId: p.postId,
        cycleId: p.cycleId,
        title: p.title ?? '',
        publishAt: publishAt.toISOString(),
        due: await approvalDueOn(publishAt, client.approvalLeadDays, client, p.sentAt),
        revision: p.revision,
        openComments: p.openComments,
        canApprove: role === 'approver',
      });
    }
    todoPosts.sort((a, b) => a.due.localeCompare(b.due) || a.publishAt.localeCompare(b.publishAt));
    const items = itemRows
      .filter((r) => r.clientId === client.id)
      .map((r) => ({
        itemId: r.itemId,
        requestId: r.requestId,
        question: r.question,
        dueOn: r.dueOn,
        followUp: r.status === 'follow_up',
        forYou: r.contactId === null || r.contactId === actor.user.id,
      }))
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
    const ofClient = meetingRows.filter((m) => m.clientId === client.id);
    const review = ofClient.find((m) => m.format === 'async' && m.status === 'live');
    const meeting = ofClient.find((m) => m.format !== 'async');
    result.push({
      clientId: client.id,
      clientName: client.name,
      timezone: client.timezone,
      role,
      months: months.map((c) => ({ cycleId: c.id, month: c.month, ...moveFor(side, waits.get(c.id)) })),
      posts: todoPosts,
      factItems: items,
      review: review
        ? {
            meetingId: review.id,
            cycleId: review.cycleId,
            due: localParts(review.startsAt, client.timezone).date,
          }
        : null,
      meeting: meeting
        ? {
            meetingId: meeting.id,
            cycleId: meeting.cycleId,
            format: meeting.format,
            startsAt: meeting.startsAt.toISOString(),
            live: meeting.status === 'live',
          }
        : null,
    });
  }
  return { clients: result };
}
