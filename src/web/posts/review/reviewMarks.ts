import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A commented phrase in the rendered copy: a document range and its comment. */
export interface ReviewMark {
  from: number;
  to: number;
  commentId: string;
}

interface MarksMeta {
  marks: ReviewMark[];
  activeId: string | null;
}

export const reviewMarksKey = new PluginKey<DecorationSet>('reviewMarks');

/**
 * Underlines the phrases open comments point at in the read-only copy, the picked one
 * stronger. Set them with `tr.setMeta(reviewMarksKey, { marks, activeId })`; a click on a
 * phrase calls `onPick` with its comment.
 */
export const ReviewMarks = Extension.create<{ onPick: (commentId: string) => void }>({
  name: 'reviewMarks',
  addOptions: () => ({ onPick: () => {} }),
  addProseMirrorPlugins() {
    const { onPick } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: reviewMarksKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, previous) {
            const meta = tr.getMeta(reviewMarksKey) as MarksMeta | undefined;
            if (!meta) return previous.map(tr.mapping, tr.doc);
            return DecorationSet.create(
              tr.doc,
              meta.marks
                .filter((m) => m.to > m.from)
                .map((m) =>
                  Decoration.inline(
                    m.from,
                    m.to,
                    {
                      class:
                        m.commentId === meta.activeId ? 'review-mark review-mark--active' : 'review-mark',
                      'data-comment-id': m.commentId,
                    },
                    { commentId: m.commentId },
                  ),
                ),
            );
          },
        },
        props: {
          decorations: (state) => reviewMarksKey.getState(state),
          handleClick(view, pos) {
            const found = reviewMarksKey.getState(view.state)?.find(pos, pos);
            const picked = found?.[0]?.spec as { commentId?: string } | undefined;
            if (picked?.commentId && view.state.selection.empty) onPick(picked.commentId);
            return false;
          },
        },
      }),
    ];
  },
});
