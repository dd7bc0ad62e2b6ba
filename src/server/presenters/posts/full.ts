import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { endpoints } from '../../../shared/api/catalogue.ts';
import { urlOf } from '../../../shared/api/endpoint.ts';
import type { PostComment, PostFull } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { Executor } from '../../db/connect.ts';
import {
  factFiles,
  factItems,
  factRequests,
  postAssets,
  postComments,
  postStatusChanges,
  postVersions,
  rubrics,
  topicDecisions,
  topics,
} from '../../db/schema/index.ts';
import { everyoneRoom, teamRoom } from '../../live/rooms.ts';
import { agencyRoleIn } from '../../policies/agency.ts';
import { postAbilities } from '../../policies/posts.ts';
import { type Copy, copyDocument, readCopy, resolvePhrase } from '../../posts/copyDoc.ts';
import { loadPost, type PostInCycle } from '../../posts/load.ts';
import { changesOfPost } from './changes.ts';
import { presentPostSummary } from './summaries.ts';

const iso = (d: Date) => d.toISOString();

/** A fact answer as one line of text, for the writer's side panel. */
function answerLine(answer: (typeof factItems.$inferSelect)['answer']): string | null {
  if (!answer) return null;
  switch (answer.kind) {
    case 'text':
      return answer.text;
    case 'link':
      return answer.url;
    case 'date':
      return answer.date;
    case 'choice':
      return answer.choice;
    case 'files':
      return answer.note || null;
    case 'not_available':
      return `— ${answer.reason}`;
  }
}

type CommentRow = typeof postComments.$inferSelect;
export function presentComment(c: CommentRow, copy: Copy | null): PostComment {
  let anchor: PostComment['anchor'] = null;
  if (c.anchorKind === 'text' && c.anchorStart && c.anchorEnd) {
    const now = copy ? resolvePhrase(copy, c.anchorStart, c.anchorEnd) : null;
    anchor = {
      kind: 'text',
      quote: c.quote ?? '',
      start: now?.start ?? null,
      end: now?.end ?? null,
      current: now?.current ?? null,
      orphaned: now === null,
      relStart: c.anchorStart,
      relEnd: c.anchorEnd,
    };
  } else if (c.anchorKind === 'visual') anchor = { kind: 'visual', assetId: c.assetId };
  return {
    id: c.id,
    revision: c.revision,
    round: c.round,
    body: c.body,
    anchor,
    authorName: c.authorName,
    side: c.side,
    createdAt: iso(c.createdAt),
    resolvedAt: c.resolvedAt ? iso(c.resolvedAt) : null,
    resolvedByName: c.resolvedByName,
  };
}

/** The topic's fact pack: the items of the month's request about this topic, with files. */
async function factsOf(db: Executor, cycleId: string, topicId: string | null) {
  if (!topicId) return { facts: [], packUrl: null };
  const [request] = await db
    .select({ id: factRequests.id, status: factRequests.status })
    .from(factRequests)
    .where(eq(factRequests.cycleId, cycleId));
  if (!request || request.status === 'draft') return { facts: [], packUrl: null };
  const items = await db
    .select()
    .from(factItems)
    .where(and(eq(factItems.requestId, request.id), eq(factItems.topicId, topicId)))
    .orderBy(asc(factItems.position));
  const files = items.length
    ? await db
        .select()
        .from(factFiles)
        .where(
          inArray(
            factFiles.itemId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(factFiles.createdAt))
    : [];
  return {
    facts: items.map((i) => ({
      itemId: i.id,
      question: i.question,
      kind: i.kind,
      status: i.status,
      answer: answerLine(i.answer),
      files: files
        .filter((f) => f.itemId === i.id)
        .map((f) => ({ id: f.id, name: f.name, contentType: f.contentType })),
    })),
    // Built from the catalogue, so a change of the download's path reaches this link too.
    packUrl: items.length
      ? urlOf(endpoints.downloadFactPack, { params: { requestId: request.id, topicId } })
      : null,
  };
}

/** Everything the editor or the reviewer of one post shows, as this actor may see it. */
export async function presentPostFull(
  db: Executor,
  actor: Actor,
  found: PostInCycle,
  maxUploadBytes: number,
): Promise<PostFull> {
  const { post, cycle, client } = found;
  const agency = agencyRoleIn(actor, client.agencyId) !== null;
  const [summary, topicRow, decisions, versions, history, comments, assets, copy, changes] =
    await Promise.all([
      presentPostSummary(db, actor, client, post),
      post.topicId
        ? db
            .select({ topic: topics, rubricName: rubrics.name })
            .from(topics)
            .leftJoin(rubrics, eq(rubrics.id, topics.rubricId))
            .where(eq(topics.id, post.topicId))
            .then((r) => r[0] ?? null)
        : null,
      post.topicId
        ? db
            .select()
            .from(topicDecisions)
            .where(eq(topicDecisions.topicId, post.topicId))
            .orderBy(asc(topicDecisions.createdAt))
        : [],
      db
        .select()
        .from(postVersions)
        .where(eq(postVersions.postId, post.id))
        .orderBy(asc(postVersions.revision)),
      db
        .select()
        .from(postStatusChanges)
        .where(eq(postStatusChanges.postId, post.id))
        .orderBy(asc(postStatusChanges.id)),
      db
        .select()
        .from(postComments)
        // The agency's internal review stays the agency's.
        .where(and(eq(postComments.postId, post.id), agency ? undefined : eq(postComments.internal, false)))
        .orderBy(desc(postComments.createdAt)),
      db
        .select()
        .from(postAssets)
        .where(and(eq(postAssets.postId, post.id), isNull(postAssets.removedAt)))
        .orderBy(asc(postAssets.createdAt)),
      readCopy(db, post.id),
      changesOfPost(db, post.id),
    ]);
  const { facts, packUrl } = await factsOf(db, cycle.id, post.topicId);
  const abilities = postAbilities(actor, client, cycle, post);
  try {
    return {
      post: {
        ...summary,
        visualBrief: post.visualBrief,
        hashtags: post.hashtags,
        link: post.link,
        firstComment: post.firstComment,
        assets: assets.map((a) => ({
          id: a.id,
          name: a.name,
          contentType: a.contentType,
          size: a.size,
          createdAt: iso(a.createdAt),
        })),
        copyDocument: agency ? copyDocument(post.id) : null,
      },
      client: {
        id: client.id,
        name: client.name,
        timezone: client.timezone,
        internalReview: client.postInternalReview,
      },
      cycle: { id: cycle.id, month: cycle.month, stage: cycle.stage },
      topic: topicRow
        ? {
            id: topicRow.topic.id,
            title: topicRow.topic.title,
            angle: topicRow.topic.angle,
            rubricName: topicRow.rubricName,
          }
        : null,
      decisions: decisions.map((d) => ({
        kind: d.kind,
        note: d.note,
        decidedByName: d.decidedByName,
        createdAt: iso(d.createdAt),
      })),
      facts,
      factPackUrl: packUrl,
      versions: versions.map((v) => ({
        revision: v.revision,
        round: v.round,
        copyText: v.copyText,
        copyDoc: v.copyDoc as unknown as Record<string, unknown>,
        visualBrief: v.visualBrief,
        hashtags: v.hashtags,
        link: v.link,
        firstComment: v.firstComment,
        assets: v.assets,
        publishAt: iso(v.publishAt),
        sentByName: v.sentByName,
        createdAt: iso(v.createdAt),
      })),
      history: history.map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        round: h.round,
        actorName: h.actorName,
        side: h.side,
        note: h.note,
        at: iso(h.at),
      })),
      // Open first, newest first within each.
      comments: [...comments.filter((c) => !c.resolvedAt), ...comments.filter((c) => c.resolvedAt)].map((c) =>
        presentComment(c, copy),
      ),
      changes,
      permissions: abilities,
      rooms: [agency ? teamRoom(client.id) : everyoneRoom(client.id)],
      maxUploadBytes,
    };
  } finally {
    copy.doc.destroy();
  }
}

/** The post as its editor or reviewer sees it now (read after the change has committed). */
export const fullPost = (ctx: Pick<Context, 'db' | 'env'>, actor: Actor, postId: string) =>
  loadPost(ctx.db, actor, postId).then((found) =>
    presentPostFull(ctx.db, actor, found, ctx.env.maxUploadBytes),
  );
