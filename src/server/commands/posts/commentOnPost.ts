import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createCommentBody } from '../../../shared/api/posts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { postAssets, postComments, postVersions } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { agencyRoleIn } from '../../policies/agency.ts';
import { anchorPhrase, type Copy, copyFromState, readCopy } from '../../posts/copyDoc.ts';
import { recordPostEvent } from '../../posts/event.ts';
import { isSentAsset, loadPostForChange, type PostRow } from '../../posts/load.ts';
import { notifyPostComment } from '../../posts/notify.ts';
import { mayComment } from './commentScope.ts';

type TextAnchorBody = Extract<NonNullable<z.output<typeof createCommentBody>['anchor']>, { kind: 'text' }>;
type AnchorFields = Partial<typeof postComments.$inferInsert>;

/** The phrase's relative positions in this copy, if its text there is the quote. */
function anchorIn(copy: Copy, { start, end, quote }: TextAnchorBody): AnchorFields | null {
  if (copy.layout.text.slice(start, end) !== quote) return null;
  const at = anchorPhrase(copy.layout, start, end);
  return (
    at && {
      anchorKind: 'text',
      anchorStart: at.start,
      anchorEnd: at.end,
      anchorBefore: at.before,
      anchorAfter: at.after,
      anchorFollowing: at.following,
      quote,
    }
  );
}

/** Use a copy's document once, then free it. */
function withCopy<T>(copy: Copy, use: (copy: Copy) => T): T {
  try {
    return use(copy);
  } finally {
    copy.doc.destroy();
  }
}

/**
 * The agency comments on the live copy it writes: a quote that is no longer what the copy says
 * there answers 409 (someone typed meanwhile; select the phrase again).
 */
async function anchorForAgency(tx: Tx, post: PostRow, anchor: TextAnchorBody): Promise<AnchorFields> {
  const at = withCopy(await readCopy(tx, post.id), (copy) => anchorIn(copy, anchor));
  if (!at) {
    throw new AppError('post_outdated', {
      message: 'The text changed since you opened it; select the phrase again.',
    });
  }
  return at;
}

/**
 * A contact comments on the version sent to them (the revision was checked), and the offsets
 * count in its text: whatever the agency has written since neither refuses the comment nor
 * shows through the answer. The positions are made in the version's kept Yjs state; its items
 * live on in the writer's document, which descends from it, so for the agency the comment
 * follows the phrase into the live copy (or is orphaned, with its quote, if it was deleted).
 * A quote that is not the version's text at these offsets is a wrong request (400), not news.
 *
 * A version sent before its state was kept has only its text. Then the live copy places the
 * phrase if it still reads the same there (at those offsets: nothing before it changed); if it
 * does not, the comment is kept with its quote and no positions, which the agency sees as
 * orphaned. Either way the contact's answer is the same and says nothing of the live copy.
 */
async function anchorForClient(tx: Tx, post: PostRow, anchor: TextAnchorBody): Promise<AnchorFields> {
  const [sent] = await tx
    .select({ copyText: postVersions.copyText, copyState: postVersions.copyState })
    .from(postVersions)
    .where(and(eq(postVersions.postId, post.id), eq(postVersions.revision, post.revision)));
  if (!sent) throw notFound();
  if (sent.copyText.slice(anchor.start, anchor.end) !== anchor.quote) {
    throw new AppError('validation_failed', {
      fields: { 'anchor.quote': 'Not the text of the version sent to you at these offsets.' },
    });
  }
  const copy = sent.copyState ? copyFromState(sent.copyState) : await readCopy(tx, post.id);
  const at = withCopy(copy, (c) => anchorIn(c, anchor));
  return at ?? { anchorKind: 'text', anchorStart: null, anchorEnd: null, quote: anchor.quote };
}

/**
 * A comment on a post: on a phrase of the copy (kept as a position that follows later edits),
 * on the visual, or on the whole. The agency comments on the live copy, a contact on the
 * version sent to them; a contact who read an older version than the last sent answers 409.
 */
export function commentOnPost(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  postId: string,
  { revision, body, anchor }: z.output<typeof createCommentBody>,
): Promise<void> {
  return transact(ctx, async (tx) => {
    const found = await loadPostForChange(tx, actor, postId, mayComment);
    const { post } = found;
    const agency = agencyRoleIn(actor, found.client.agencyId) !== null;
    if (revision > post.revision || (!agency && revision !== post.revision))
      throw new AppError('post_outdated');
    let anchorFields: AnchorFields = {};
    if (anchor?.kind === 'text') {
      anchorFields = agency
        ? await anchorForAgency(tx, post, anchor)
        : await anchorForClient(tx, post, anchor);
    } else if (anchor?.kind === 'visual') {
      if (anchor.assetId) {
        const [asset] = await tx.select().from(postAssets).where(eq(postAssets.id, anchor.assetId));
        if (asset?.postId !== post.id) throw notFound();
        // A contact knows the files of the version sent to them; any other is not there for them.
        if (!agency && !(await isSentAsset(tx, post.id, asset.id, post.revision))) throw notFound();
      }
      anchorFields = { anchorKind: 'visual', assetId: anchor.assetId };
    }
    // The agency's notes on a post the client is not looking at are the team's own.
    const internal = agency && (post.status === 'draft' || post.status === 'internal_review');
    await tx.insert(postComments).values({
      postId: post.id,
      revision,
      round: post.round,
      body,
      ...anchorFields,
      authorId: actor.user.id,
      authorName: actor.user.name,
      side: agency ? 'agency' : 'client',
      internal,
    });
    await recordPostEvent(tx, actor, found, 'post.commented', {}, internal);
    await notifyPostComment(tx, actor, found, internal);
  });
}
