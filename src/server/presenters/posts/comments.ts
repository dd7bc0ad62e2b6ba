import type { PostComment } from '../../../shared/api/posts.ts';
import type { postComments } from '../../db/schema/index.ts';
import { type Copy, resolvePhrase } from '../../posts/copyDoc.ts';

type CommentRow = typeof postComments.$inferSelect;
type TextAnchor = Extract<PostComment['anchor'], { kind: 'text' }>;
type Located = { start: number; end: number; current: string } | null;

/** Where a comment's phrase is, in the copy one side reads: offsets and wording, or null (orphaned). */
export type AnchorReader = (comment: CommentRow) => { located: Located; quote: string; positions: boolean };

const textAnchor = (c: CommentRow, read: ReturnType<AnchorReader>): TextAnchor => ({
  kind: 'text',
  quote: read.quote,
  start: read.located?.start ?? null,
  end: read.located?.end ?? null,
  current: read.located?.current ?? null,
  orphaned: read.located === null,
  relStart: read.positions ? (c.anchorStart ?? '') : '',
  relEnd: read.positions ? (c.anchorEnd ?? '') : '',
  relBefore: read.positions ? (c.anchorBefore ?? '') : '',
  relAfter: read.positions ? (c.anchorAfter ?? '') : '',
  following: read.positions ? (c.anchorFollowing ?? '') : '',
});

const inCopy = (copy: Copy, c: CommentRow): Located =>
  c.anchorStart && c.anchorEnd
    ? resolvePhrase(copy, {
        start: c.anchorStart,
        end: c.anchorEnd,
        before: c.anchorBefore ?? '',
        after: c.anchorAfter ?? '',
        following: c.anchorFollowing ?? '',
      })
    : null;

/** The agency reads every anchor in the live copy it is writing (null: a copy that cannot be read). */
export const anchorsInLiveCopy =
  (copy: Copy): AnchorReader =>
  (c) => ({ located: inCopy(copy, c), quote: c.quote ?? '', positions: true });

/**
 * A contact reads anchors in the version sent to them, never in the writer's live copy: resolved
 * in the version's own Yjs state, so `current` is the sent wording. A version sent before its
 * state was kept has only its text: there the quote is looked for in it. A quote the client was
 * never sent (an agency note on wording not sent yet) is not shown to them: they read the phrase
 * as the version has it, or nothing. The relative positions are the live editor's business and
 * are left out.
 */
export const anchorsInSentVersion =
  (sent: { copy: Copy | null; text: string }, sentTexts: string[]): AnchorReader =>
  (c) => {
    const quote = c.quote ?? '';
    const seen = quote !== '' && sentTexts.some((text) => text.includes(quote));
    let located: Located = null;
    if (sent.copy && c.anchorStart && c.anchorEnd) located = inCopy(sent.copy, c);
    else if (seen && sent.text.includes(quote)) {
      const start = sent.text.indexOf(quote);
      located = { start, end: start + quote.length, current: quote };
    }
    return { located, quote: seen ? quote : (located?.current ?? ''), positions: false };
  };

/**
 * `shownFile`: whether this reader may know of the file a visual comment is about. A contact
 * knows only the files of versions sent to them; an agency note on a file not sent yet reads as
 * a note on the visual, without naming the file (its id would say a new file exists).
 */
export function presentComment(
  c: CommentRow,
  read: AnchorReader,
  shownFile: (assetId: string) => boolean = () => true,
): PostComment {
  let anchor: PostComment['anchor'] = null;
  // A text anchor without positions is a contact's comment on a version whose state was not kept,
  // that the live copy could not place (commentOnPost): its quote is all there is.
  if (c.anchorKind === 'text') anchor = textAnchor(c, read(c));
  else if (c.anchorKind === 'visual') {
    anchor = { kind: 'visual', assetId: c.assetId && shownFile(c.assetId) ? c.assetId : null };
  }
  return {
    id: c.id,
    revision: c.revision,
    round: c.round,
    body: c.body,
    anchor,
    authorName: c.authorName,
    side: c.side,
    createdAt: c.createdAt.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolvedByName: c.resolvedByName,
  };
}
