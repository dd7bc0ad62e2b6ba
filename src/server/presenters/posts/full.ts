import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { endpoints } from '../../../shared/api/catalogue.ts';
import { urlOf } from '../../../shared/api/endpoint.ts';
import type { PostFull } from '../../../shared/api/posts.ts';
import { movesTheClientSaw } from '../../../shared/posts/statuses.ts';
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
import { notFound } from '../../errors.ts';
import { everyoneRoom, teamRoom } from '../../live/rooms.ts';
import { postAbilities } from '../../policies/posts.ts';
import { sideOf } from '../../policies/side.ts';
import { copyDocument, copyFromState, readCopy } from '../../posts/copyDoc.ts';
import { loadPost, type PostInCycle } from '../../posts/load.ts';
import { changesOfPost } from './changes.ts';
import { anchorsInLiveCopy, anchorsInSentVersion, presentComment } from './comments.ts';
import { type PostFace, sentCopyState } from './face.ts';
import { presentPostSummariesWithFaces } from './summaries.ts';

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

/** The files shown: the post's current ones (the agency), or those of the version sent (a contact). */
async function assetsOf(db: Executor, postId: string, face: PostFace) {
  const rows = await db
    .select()
    .from(postAssets)
    .where(and(eq(postAssets.postId, postId), face.sentAssets ? undefined : isNull(postAssets.removedAt)))
    .orderBy(asc(postAssets.createdAt));
  const shown = face.sentAssets
    ? // In the version's order; a file taken off the post since is still the one that was sent.
      face.sentAssets.flatMap((a) => rows.filter((r) => r.id === a.id))
    : rows;
  return shown.map((a) => ({
    id: a.id,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    createdAt: iso(a.createdAt),
  }));
}

/**
 * The copy a side reads comments' anchors in: the live one for the agency, the sent version's
 * for a contact (its kept Yjs state, or only its text for a version sent before it was kept).
 */
async function anchorCopy(db: Executor, postId: string, face: PostFace) {
  if (!face.sent) return readCopy(db, postId);
  const state = await sentCopyState(db, face.sent);
  return state ? copyFromState(state) : null;
}

/**
 * Everything the editor or the reviewer of one post shows, as this actor may see it. The agency
 * sees the post as it is; a contact sees it as the last version sent to them (`face.ts`): its
 * content, the moves they were told of, the comments that are not internal with anchors in
 * that version, and the unplanned changes a person logged (not the rewrites Plit noticed in
 * the writer's unsent copy).
 */
export async function presentPostFull(
  db: Executor,
  actor: Actor,
  found: PostInCycle,
  maxUploadBytes: number,
): Promise<PostFull> {
  const { post, cycle, client } = found;
  const side = sideOf(actor, client);
  const agency = side === 'agency';
  const [seen] = await presentPostSummariesWithFaces(db, actor, client, [post]);
  // A contact is never shown a post without a sent version (canViewPost): as if it did not exist.
  if (!seen) throw notFound();
  const { summary, face } = seen;
  const [topicRow, decisions, versions, history, comments, assets, copy, changes] = await Promise.all([
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
    assetsOf(db, post.id, face),
    anchorCopy(db, post.id, face),
    changesOfPost(db, post.id, side),
  ]);
  const { facts, packUrl } = await factsOf(db, cycle.id, post.topicId);
  const abilities = postAbilities(actor, client, cycle, post);
  const readAnchor = face.sent
    ? anchorsInSentVersion(
        { copy, text: face.sent.copyText },
        versions.map((v) => v.copyText),
      )
    : anchorsInLiveCopy(copy!);
  const sentFiles = new Set(versions.flatMap((v) => v.assets.map((a) => a.id)));
  const shownFile = (assetId: string) => agency || sentFiles.has(assetId);
  const moves = history.map((h) => ({
    from: h.fromStatus,
    to: h.toStatus,
    round: h.round,
    actorName: h.actorName,
    side: h.side,
    note: h.note,
    at: iso(h.at),
  }));
  try {
    return {
      post: {
        ...summary,
        visualBrief: face.visualBrief,
        hashtags: face.hashtags,
        link: face.link,
        firstComment: face.firstComment,
        assets,
        copyDocument: agency ? copyDocument(post.id) : null,
      },
      client: {
        id: client.id,
        name: client.name,
        timezone: client.timezone,
        // The agency's own way of working; a contact is not told whether it reviews internally.
        internalReview: agency ? client.postInternalReview : null,
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
      history: agency ? moves : movesTheClientSaw(moves),
      // Open first, newest first within each.
      comments: [...comments.filter((c) => !c.resolvedAt), ...comments.filter((c) => c.resolvedAt)].map((c) =>
        presentComment(c, readAnchor, shownFile),
      ),
      changes,
      permissions: abilities,
      rooms: [agency ? teamRoom(client.id) : everyoneRoom(client.id)],
      maxUploadBytes,
    };
  } finally {
    copy?.doc.destroy();
  }
}

/** The post as its editor or reviewer sees it now (read after the change has committed). */
export const fullPost = (ctx: Pick<Context, 'db' | 'env'>, actor: Actor, postId: string) =>
  loadPost(ctx.db, actor, postId).then((found) =>
    presentPostFull(ctx.db, actor, found, ctx.env.maxUploadBytes),
  );
