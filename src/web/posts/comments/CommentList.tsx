import type { PostComment, PostFull } from '../../../shared/api/index.ts';

export interface CommentListProps {
  data: PostFull;
  /** Called when a person picks a comment whose anchor is a phrase: the editor highlights it. */
  onPickAnchor?: (comment: PostComment) => void;
  /** The comment whose anchor is highlighted now. */
  activeId?: string | null;
}

/** A post's comments, open first, each with its anchor (placeholder until the comments land). */
export function CommentList(_props: CommentListProps) {
  return null;
}
