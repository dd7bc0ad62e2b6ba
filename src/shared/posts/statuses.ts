import type { Side } from '../roles.ts';

/** A post's way from the writer to the feed. Publishing is marked by hand (with its URL). */
export const postStatuses = [
  'draft',
  'internal_review',
  'client_review',
  'changes_requested',
  'approved',
  'published',
] as const;
export type PostStatus = (typeof postStatuses)[number];

/** Who may move a post from one status to another; anything not listed is not a move. */
const moves: Record<PostStatus, Partial<Record<PostStatus, Side>>> = {
  draft: { internal_review: 'agency', client_review: 'agency' },
  internal_review: { draft: 'agency', client_review: 'agency' },
  // The agency may take a post back before the client has answered.
  client_review: { approved: 'client', changes_requested: 'client', draft: 'agency' },
  changes_requested: { internal_review: 'agency', client_review: 'agency' },
  // An approved post edited again goes back to the client: that is a new round.
  approved: { published: 'agency', client_review: 'agency' },
  published: {},
};

/**
 * May this side move a post between these statuses? With internal review on for the client,
 * the agency's draft passes through it before the client sees it.
 */
export function canMovePost(
  from: PostStatus,
  to: PostStatus,
  side: Side,
  options: { internalReview: boolean },
): boolean {
  if (moves[from][to] !== side) return false;
  if (
    options.internalReview &&
    to === 'client_review' &&
    (from === 'draft' || from === 'changes_requested')
  ) {
    return false;
  }
  return true;
}

/**
 * The revision round after a move. Round 1 is the post as first written; every "changes
 * requested" opens the next round, and so does reopening an approved post. "Approved in
 * round 1" means approved with no changes asked: the promise of co-creation.
 */
export function roundAfter(from: PostStatus, to: PostStatus, round: number): number {
  if (to === 'changes_requested') return round + 1;
  if (from === 'approved' && to === 'client_review') return round + 1;
  return round;
}

/**
 * A move the client is not told of: into the agency's internal review, and from it back to
 * draft. The client last knew the post as it was before (waiting for changes they asked for,
 * or taken back to draft); these moves stay out of their history, live frames and status.
 */
export function isInternalMove(from: PostStatus | null, to: PostStatus): boolean {
  return to === 'internal_review' || (from === 'internal_review' && to === 'draft');
}

/**
 * The status the client knows a post by. Every status but draft and internal review is one the
 * client was told of as it happened; while the agency has the post in (draft, internal review)
 * it is the last move the client was told of: `changes_requested` while the writers work on
 * the changes the client asked for, `draft` when the agency took a post back before the client
 * answered (the client saw that move: the post stopped waiting for them).
 */
export function statusTheClientKnows(
  status: PostStatus,
  moves: ReadonlyArray<{ from: PostStatus | null; to: PostStatus }>,
): PostStatus {
  if (status !== 'draft' && status !== 'internal_review') return status;
  return moves.findLast((m) => !isInternalMove(m.from, m.to))?.to ?? 'draft';
}

/**
 * A post's moves as the client saw them: without the agency's internal moves, and each `from`
 * the status the client knew the post by before it (a move out of internal review reached the
 * client as a move out of "changes requested", or out of draft the first time).
 */
export function movesTheClientSaw<M extends { from: PostStatus | null; to: PostStatus }>(
  moves: readonly M[],
): M[] {
  return moves.flatMap((move, i) =>
    isInternalMove(move.from, move.to)
      ? []
      : [{ ...move, from: move.from === null ? null : statusTheClientKnows(move.from, moves.slice(0, i)) }],
  );
}
