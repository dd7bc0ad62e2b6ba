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
