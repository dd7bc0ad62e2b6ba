import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { PostList, PostSummary } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { channels, postComments, posts, slots, topics } from '../../db/schema/index.ts';
import type { CycleInClient } from '../../planning/load.ts';
import { sideOf } from '../../policies/side.ts';
import { approvalMarks } from '../../posts/approvalRisk.ts';
import type { PostRow } from '../../posts/load.ts';
import type { ClientRow } from '../../tenancy.ts';
import { type PostFace, postFaces } from './face.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The summaries of these posts (in publish order), as this actor may see them, with their faces. */
export async function presentPostSummariesWithFaces(
  db: Executor,
  actor: Actor,
  client: ClientRow,
  rows: PostRow[],
): Promise<Array<{ summary: PostSummary; face: PostFace }>> {
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const side = sideOf(actor, client);
  const agency = side === 'agency';
  const [placed, open] = await Promise.all([
    db
      .select({ postId: posts.id, slot: slots, channel: channels, topicTitle: topics.title })
      .from(posts)
      .innerJoin(slots, eq(slots.id, posts.slotId))
      .innerJoin(channels, eq(channels.id, slots.channelId))
      .leftJoin(topics, eq(topics.id, posts.topicId))
      .where(inArray(posts.id, ids)),
    db
      .select({ postId: postComments.postId, n: count() })
      .from(postComments)
      .where(
        and(
          inArray(postComments.postId, ids),
          isNull(postComments.resolvedAt),
          // The agency's internal notes are not the client's to count.
          agency ? undefined : eq(postComments.internal, false),
        ),
      )
      .groupBy(postComments.postId),
  ]);
  const where = new Map(placed.map((p) => [p.postId, p]));
  const faces = await postFaces(db, side, rows, (id) => where.get(id)!.slot.startsAt);
  const marks = await approvalMarks(db, client, rows);
  const openOf = new Map(open.map((o) => [o.postId, o.n]));
  return rows
    .flatMap((p) => {
      const at = where.get(p.id)!;
      // A contact reads what was sent to them, never the writer's work in progress (face.ts).
      const face = faces.get(p.id);
      if (!face) return [];
      const summary: PostSummary = {
        id: p.id,
        cycleId: p.cycleId,
        slotId: p.slotId,
        topicId: p.topicId,
        topicTitle: at.topicTitle ?? null,
        status: face.status,
        round: p.round,
        revision: p.revision,
        publishAt: face.publishAt.toISOString(),
        channelId: at.channel.id,
        channelLabel: `${at.channel.network} ${at.channel.handle}`,
        network: at.channel.network,
        format: at.slot.format,
        copyText: face.copyText,
        approvedRound: p.approvedRound,
        approvedAt: iso(p.approvedAt),
        approvedByName: p.approvedByName,
        publishedUrl: p.publishedUrl,
        publishedAt: iso(p.publishedAt),
        openComments: openOf.get(p.id) ?? 0,
        editedAfterApproval: face.editedAfterApproval,
        version: face.version,
        updatedAt: face.updatedAt.toISOString(),
        approvalDue: marks.get(p.id)?.approvalDue ?? null,
        atRisk: marks.get(p.id)?.atRisk ?? false,
      };
      return [{ summary, face }];
    })
    .sort((a, b) => a.summary.publishAt.localeCompare(b.summary.publishAt));
}

/** The summaries of these posts (in publish order), as this actor may see them. */
export async function presentPostSummaries(
  db: Executor,
  actor: Actor,
  client: ClientRow,
  rows: PostRow[],
): Promise<PostSummary[]> {
  return (await presentPostSummariesWithFaces(db, actor, client, rows)).map((s) => s.summary);
}

/** The posts of a cycle this actor may see. */
export async function postsOfCycle(db: Executor, cycleId: string) {
  return db.select().from(posts).where(eq(posts.cycleId, cycleId)).orderBy(asc(posts.createdAt));
}

/**
 * A month's post list: the posts this actor may see (a contact, only those sent to them) and,
 * for the agency, the slots still waiting for a post.
 */
export async function presentPostList(db: Executor, actor: Actor, found: CycleInClient): Promise<PostList> {
  const { cycle, client } = found;
  const agency = sideOf(actor, client) === 'agency';
  const rows = (await postsOfCycle(db, cycle.id)).filter((p) => agency || p.revision > 0);
  const unwritten = agency
    ? await db
        .select({ slot: slots, channel: channels, topicTitle: topics.title })
        .from(slots)
        .innerJoin(channels, eq(channels.id, slots.channelId))
        .leftJoin(topics, eq(topics.id, slots.topicId))
        .leftJoin(posts, eq(posts.slotId, slots.id))
        .where(and(eq(slots.cycleId, cycle.id), isNull(posts.id)))
        .orderBy(slots.startsAt)
    : [];
  return {
    posts: await presentPostSummaries(db, actor, client, rows),
    unwritten: unwritten.map(({ slot, channel, topicTitle }) => ({
      slotId: slot.id,
      startsAt: slot.startsAt.toISOString(),
      channelId: channel.id,
      channelLabel: `${channel.network} ${channel.handle}`,
      network: channel.network,
      format: slot.format,
      topicId: slot.topicId,
      topicTitle,
    })),
    timezone: client.timezone,
  };
}
