import type { PostFull } from '../../../shared/api/index.ts';

/** Every version sent, with a diff to the one before (placeholder until the history lands). */
export function PostHistory(_props: { data: PostFull }) {
  return null;
}
