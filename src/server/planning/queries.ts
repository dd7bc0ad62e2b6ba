import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { reserveQuery } from '../../shared/api/planning.ts';
import type { Actor } from '../auth/actor.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Executor } from '../db/connect.ts';
import {
  cadenceRules,
  calendarFeeds,
  channels,
  clientPlans,
  clients,
  contingencies,
  cycles,
  posts,
  slots,
  topicPasses,
  topics,
} from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { canViewCycle } from '../policies/plan.ts';
import { type Side, sideOf } from '../policies/side.ts';
import { approvalMarks } from '../posts/approvalRisk.ts';
import { loadClient } from '../tenancy.ts';
import { loadCycle, scopeOfTopic } from './load.ts';
import { slotsAsShown } from './shownSlots.ts';

/** The reads of planning that take more than one query; the routes present what they return. */

/** A client's cycles the actor may see, newest month first. */
export async function cyclesOfClient(db: Executor, actor: Actor, clientId: string) {
  const client = await loadClient(db, actor, clientId);
  const rows = await db
    .select()
    .from(cycles)
    .where(eq(cycles.clientId, client.id))
    .orderBy(desc(cycles.month));
  return { client, cycles: rows.filter((row) => canViewCycle(actor, client, row)) };
}

/**
 * Everything on a cycle's plan: its slots by the time this side is shown (slotsAsShown), topics
 * in list order, cadence rules, and the posts waiting for the client with their due dates.
 */
export async function planOfCycle(db: Executor, actor: Actor, cycleId: string) {
  const { cycle, client } = await loadCycle(db, actor, cycleId);
  const slotRows = await slotsAsShown(
    db,
    sideOf(actor, client),
    await db.select().from(slots).where(eq(slots.cycleId, cycle.id)).orderBy(asc(slots.startsAt)),
  );
  const topicRows = await db
    .select()
    .from(topics)
    .where(eq(topics.cycleId, cycle.id))
    .orderBy(asc(topics.position), asc(topics.createdAt));
  const rules = await db
    .select()
    .from(cadenceRules)
    .where(eq(cadenceRules.cycleId, cycle.id))
    .orderBy(asc(cadenceRules.createdAt));
  const waiting = await db
    .select({ id: posts.id, slotId: posts.slotId, status: posts.status, revision: posts.revision })
    .from(posts)
    .where(and(eq(posts.cycleId, cycle.id), eq(posts.status, 'client_review')));
  const marks = await approvalMarks(db, client, waiting);
  const approvals = waiting.flatMap((p) => {
    const mark = marks.get(p.id);
    return mark ? [{ slotId: p.slotId, postId: p.id, ...mark }] : [];
  });
  return { cycle, client, slots: slotRows, topics: topicRows, cadence: rules, approvals };
}

// Escape LIKE wildcards so a search for "50%" means those characters.
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The topics of a client a side may see. The agency: all of them. The client's contacts: the
 * ones they already know, that is, ideas that came from their side (`source = 'client'`) and
 * topics that are or were in a plan shared with them (the cycle it sits in, or any it passed
 * through). The rest of the reserve is the agency's working stock: ideas it parked before
 * sharing, or put straight into the reserve, which the client has never been shown.
 */
function topicsSeenBy(side: Side) {
  if (side === 'agency') return undefined;
  // The outer columns are spelled out: drizzle leaves them unqualified in a one-table select.
  return or(
    eq(topics.source, 'client'),
    sql`exists (select 1 from ${cycles} c where c.id = ${sql.raw('"topics"."cycle_id"')} and c.shared_at is not null)`,
    sql`exists (select 1 from ${topicPasses} p inner join ${cycles} c on c.id = p.cycle_id where p.topic_id = ${sql.raw('"topics"."id"')} and c.shared_at is not null)`,
  );
}

/**
 * The client's reserve: parked and unused topics, the most recently parked first. A client
 * contact is answered the topics they may see (topicsSeenBy), not a 403 for the whole list:
 * the reserve also holds their own ideas and what was parked from their shared plans, and an
 * empty list tells them nothing about the rest.
 */
export async function reserveOfClient(
  db: Executor,
  actor: Actor,
  clientId: string,
  query: z.output<typeof reserveQuery>,
) {
  const client = await loadClient(db, actor, clientId);
  const { q, rubricId, tag, olderThanDays } = query;
  return db
    .select()
    .from(topics)
    .where(
      and(
        eq(topics.clientId, client.id),
        isNull(topics.cycleId),
        ne(topics.status, 'dropped'),
        topicsSeenBy(sideOf(actor, client)),
        q
          ? or(
              ilike(topics.title, likePattern(q)),
              ilike(topics.angle, likePattern(q)),
              sql`exists (select 1 from unnest(${topics.tags}) t where t ilike ${likePattern(q)})`,
            )
          : undefined,
        rubricId ? eq(topics.rubricId, rubricId) : undefined,
        tag ? sql`${tag} = any(${topics.tags})` : undefined,
        olderThanDays !== undefined
          ? lte(topics.reservedAt, new Date(Date.now() - olderThanDays * 86_400_000))
          : undefined,
      ),
    )
    .orderBy(desc(topics.reservedAt), asc(topics.title))
    .limit(500);
}

/**
 * The cycles a topic passed through, in order, with each cycle's month. A client contact reads
 * the history of a topic they may see (topicsSeenBy), and in it only the months shared with
 * them; any other topic is 404, as if it did not exist.
 */
export async function passesOfTopic(db: Executor, actor: Actor, topicId: string) {
  const scope = await scopeOfTopic(db, topicId);
  const client = await loadClient(db, actor, scope.clientId);
  const side = sideOf(actor, client);
  const [seen] = await db
    .select({ id: topics.id })
    .from(topics)
    .where(and(eq(topics.id, topicId), topicsSeenBy(side)));
  if (!seen) throw notFound();
  return db
    .select({ pass: topicPasses, month: cycles.month })
    .from(topicPasses)
    .innerJoin(cycles, eq(cycles.id, topicPasses.cycleId))
    .where(and(eq(topicPasses.topicId, topicId), side === 'agency' ? undefined : isNotNull(cycles.sharedAt)))
    .orderBy(asc(topicPasses.id));
}

/** The client's plans for a cycle's month, by date, and the contingencies prepared for them. */
export async function clientPlansOfCycle(db: Executor, actor: Actor, cycleId: string) {
  const { cycle } = await loadCycle(db, actor, cycleId);
  const plans = await db
    .select()
    .from(clientPlans)
    .where(eq(clientPlans.cycleId, cycle.id))
    .orderBy(asc(clientPlans.startsOn), asc(clientPlans.createdAt));
  const prepared = plans.length
    ? await db
        .select()
        .from(contingencies)
        .where(
          inArray(
            contingencies.planId,
            plans.map((p) => p.id),
          ),
        )
        .orderBy(asc(contingencies.createdAt))
    : [];
  return { plans, contingencies: prepared };
}

/**
 * The schedule behind a calendar feed's secret: every slot of the client's open cycles that are
 * shared, and the topics in those slots, with the channels. A feed is a bearer secret a calendar
 * app fetches without a session: whoever was handed the URL (the client's people among them)
 * reads it, so it holds only what the client may see. A plan still in preparation stays off it
 * until it is shared, and a slot holding a sent post is at the sent version's time (the client's
 * side of slotsAsShown, whoever made the feed): the agency's unsent move stays off it. A revoked
 * or unknown secret answers 404.
 */
export async function scheduleOfFeed(db: Executor, token: string) {
  const [feed] = await db
    .select({ client: clients })
    .from(calendarFeeds)
    .innerJoin(clients, eq(clients.id, calendarFeeds.clientId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) throw notFound();
  const client = feed.client;
  const slotRows = await slotsAsShown(
    db,
    'client',
    (
      await db
        .select({ slot: slots })
        .from(slots)
        .innerJoin(cycles, eq(cycles.id, slots.cycleId))
        .where(and(eq(cycles.clientId, client.id), ne(cycles.stage, 'closed'), isNotNull(cycles.sharedAt)))
        .orderBy(asc(slots.startsAt))
    ).map((r) => r.slot),
  );
  const placed = slotRows.flatMap((s) => (s.topicId ? [s.topicId] : []));
  const topicRows = placed.length ? await db.select().from(topics).where(inArray(topics.id, placed)) : [];
  const channelRows = await db.select().from(channels).where(eq(channels.clientId, client.id));
  return { client, slots: slotRows, topics: topicRows, channels: channelRows };
}
