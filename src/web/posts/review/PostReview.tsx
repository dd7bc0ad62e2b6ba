import type { PostFull } from '../../../shared/api/index.ts';

/** The client's review of the version sent to them (placeholder until the review screen lands). */
export function PostReview(_props: { data: PostFull }) {
  return null;
}
