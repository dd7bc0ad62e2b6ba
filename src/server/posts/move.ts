import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { z } from 'zod';
import type { movePostBody } from '../../shared/api/posts.ts';
import {
  canMovePost,
  isInternalMove,
  type PostStatus,
  roundAfter,
  statusTheClientKnows,
} from '../../shared/posts/statuses.ts';
import type { Side } from '../../shared/roles.ts';
import type { Actor } from '../auth/actor.ts';
import type { Tx } from '../db/connect.ts';
import { postAssets, postStatusChanges, posts, postVersions } from '../db/schema/index.ts';
import { AppError, staleVersion } from '../errors.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { canDecideOnPost, canPublishPost, canSendPost } from '../policies/posts.ts';
import { readCopy } from './copyDoc.ts';
import { recordPostEvent } from './event.ts';
import type { PostInCycle, PostRow } from './load.ts';
import { notifyPostMove } from './notify.ts';
import { startRunningWhenApproved } from './running.ts';

/** A move as the route validated it (the note defaulted). */
type Move = z.output<typeof movePostBody>;

/**
 * The version the client is asked about: frozen copy, fields and assets, never changed again.
 * The copy is kept as text, as a document, and as its Yjs state: the client's comments are
 * anchored in that state, whose items the writer's document keeps however it is edited later.
 */
async function freezeVersion(tx: Tx, actor: Actor, found: PostInCycle, round: number) {
  const { post, slot } = found;
  const copy = await readCopy(tx, post.id);
  try {
    const assets = await tx
      .select({ id: postAssets.id, name: postAssets.name, contentType: postAssets.contentType })
      .from(postAssets)
      .where(and(eq(postAssets.postId, post.id), isNull(postAssets.removedAt)))
      .orderBy(asc(postAssets.createdAt));
    const revision = post.revision + 1;
    await tx.insert(postVersions).values({
      postId: post.id,
      revision,
      round,
      copyText: copy.layout.text,
      copyDoc: copy.json,
      copyState: Y.encodeStateAsUpdate(copy.doc),
      visualBrief: post.visualBrief,
      hashtags: post.hashtags,
      link: post.link,
      firstComment: post.firstComment,
      assets,
      publishAt: slot.startsAt,
      sentById: actor.user.id,
      sentByName: actor.user.name,
    });
    return { revision, copyText: copy.layout.text };
  } finally {
    copy.doc.destroy();
  }
}

/**
 * Check that this actor may make this move now: the right side, the right status, and the
 * version they saw. The client answers about a revision (what they read); the agency about
 * the post's version (what it edited).
 */
function checkMove(actor: Actor, found: PostInCycle, body: Move, side: Side) {
  const { post, client, cycle } = found;
  if ('revision' in body) {
    if (body.revision !== post.revision) throw new AppError('post_outdated');
    if (body.to === 'approved' && post.status === 'approved') {
      throw new AppError('post_already_approved', {
        message: `${post.approvedByName ?? 'Someone'} approved this post already.`,
      });
    }
    if (!canDecideOnPost(actor, client, cycle, post)) {
      // An approver whose page is older than the agency's take-back (or another approver's
      // answer) is told so in its own words; anyone else is simply not allowed.
      const late = canDecideOnPost(actor, client, cycle, { ...post, status: 'client_review' });
      throw new AppError(late ? 'post_not_in_review' : 'forbidden');
    }
    return;
  }
  if (body.version !== post.version) throw staleVersion();
  const allowed =
    body.to === 'published'
      ? canPublishPost(actor, client, cycle, post)
      : canSendPost(actor, client, cycle, body.to, {
          internalReview: client.postInternalReview,
          from: post.status,
        });
  if (!allowed) throw new AppError('forbidden');
  if (!canMovePost(post.status, body.to, side, { internalReview: client.postInternalReview })) {
    throw new AppError('conflict', {
      message: `A post in ${post.status} cannot move to ${body.to}.`,
      fields: { to: 'Not a move from the current status' },
    });
  }
}

/**
 * The `from` of a move's event. A move the client is told of names the status the client knew
 * before it, never the agency's internal review (internal review → client review reads, to
 * the client, as changes requested → client review); the agency's internal moves, the team's
 * only, name the status they left. The post's history keeps every move as it was.
 */
async function eventFrom(tx: Tx, post: PostRow, from: PostStatus, to: PostStatus): Promise<PostStatus> {
  if (isInternalMove(from, to) || (from !== 'draft' && from !== 'internal_review')) return from;
  const moves = await tx
    .select({ from: postStatusChanges.fromStatus, to: postStatusChanges.toStatus })
    .from(postStatusChanges)
    .where(eq(postStatusChanges.postId, post.id))
    .orderBy(asc(postStatusChanges.id));
  return statusTheClientKnows(from, moves);
}

/** Move a post along its way (status machine in shared/posts/statuses.ts). */
export async function movePost(tx: Tx, actor: Actor, found: PostInCycle, body: Move): Promise<PostRow> {
  const { post } = found;
  const side: Side = agencyRoleIn(actor, found.client.agencyId) ? 'agency' : 'client';
  checkMove(actor, found, body, side);
  const from = post.status;
  const to = body.to as PostStatus;
  const round = roundAfter(from, to, post.round);
  const now = new Date();
  const set: Partial<typeof posts.$inferInsert> = { status: to, round, updatedAt: now };
  if (to === 'client_review') {
    const frozen = await freezeVersion(tx, actor, found, round);
    set.revision = frozen.revision;
    // Sent again after an approval: that approval no longer stands.
    Object.assign(set, { approvedRevision: null, approvedRound: null, approvedAt: null });
    Object.assign(set, { approvedById: null, approvedByName: null });
  }
  if (to === 'approved') {
    Object.assign(set, {
      approvedRevision: post.revision,
      approvedRound: post.round,
      approvedAt: now,
      approvedById: actor.user.id,
      approvedByName: actor.user.name,
    });
  }
  if (to === 'published' && body.to === 'published') {
    Object.assign(set, { publishedUrl: body.publishedUrl, publishedAt: now });
  }
  const [row] = await tx
    .update(posts)
    .set({ ...set, version: sql`${posts.version} + 1` })
    .where(eq(posts.id, post.id))
    .returning();
  const note = 'note' in body ? (body.note ?? '') : '';
  // Read before this move joins the history.
  const told = await eventFrom(tx, post, from, to);
  await tx.insert(postStatusChanges).values({
    postId: post.id,
    fromStatus: from,
    toStatus: to,
    round,
    actorId: actor.user.id,
    actorName: actor.user.name,
    side,
    note,
  });
  const moved = { ...found, post: row! };
  await recordPostEvent(tx, actor, moved, 'post.status_changed', {
    from: told,
    to,
    round,
  });
  await notifyPostMove(tx, actor, moved, from, note);
  if (to === 'approved') await startRunningWhenApproved(tx, actor, moved);
  return row!;
}
