import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { type AnchorPositions, phraseEnds, shiftPastReused } from '../../../../shared/posts/anchorEnds.ts';

/** An open comment's phrase as the server keeps it (shared/posts/anchorEnds.ts). */
export interface HighlightAnchor extends AnchorPositions {
  commentId: string;
}

interface HighlightMeta {
  anchors?: HighlightAnchor[];
  activeId?: string | null;
  onPick?: (commentId: string) => void;
  /** Yjs has caught up with the document: find the phrases again. */
  rebuild?: boolean;
}

interface HighlightState {
  anchors: HighlightAnchor[];
  activeId: string | null;
  onPick: (commentId: string) => void;
  decorations: DecorationSet;
  /** Where each phrase is now; a comment whose phrase no longer resolves has none. */
  ranges: Map<string, { from: number; to: number }>;
}

export const commentHighlightKey = new PluginKey<HighlightState>('commentHighlight');

/** The end of the text block holding `pos`, where "the rest of the line" stops. */
function blockEnd(doc: PmNode, pos: number): number {
  const $pos = doc.resolve(pos);
  return $pos.parent.inlineContent ? $pos.end() : pos;
}

/**
 * Where a phrase sits in the editor's document now, found again from its Yjs positions (they
 * follow the text through everyone's edits) by the same rule the server reads it with.
 */
function resolve(state: EditorState, anchor: AnchorPositions): { from: number; to: number } | null {
  const binding = ySyncPluginKey.getState(state)?.binding;
  if (!binding || binding.mapping.size === 0) return null;
  try {
    const ends = phraseEnds(binding.doc, anchor);
    if (!ends) return null;
    const absolute = (position: (typeof ends)['start']) =>
      relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping);
    const from = absolute(ends.start);
    let to = absolute(ends.end);
    const max = state.doc.content.size;
    if (from === null || to === null || to > max) return null;
    if (ends.endFellBack) {
      const rest = `${state.doc.textBetween(to, blockEnd(state.doc, to), '\n', '\n')}\n`;
      to += shiftPastReused(rest, anchor.following);
    }
    return to > from ? { from, to: Math.min(to, max) } : null;
  } catch {
    // A malformed or foreign position: nothing to show, like an orphaned comment.
    return null;
  }
}

function decorate(doc: PmNode, ranges: HighlightState['ranges'], activeId: string | null) {
  return DecorationSet.create(
    doc,
    [...ranges].map(([commentId, range]) =>
      Decoration.inline(
        range.from,
        range.to,
        {
          class:
            commentId === activeId
              ? 'post-copy__comment-highlight post-copy__comment-highlight--active'
              : 'post-copy__comment-highlight',
          'data-comment-id': commentId,
        },
        { commentId },
      ),
    ),
  );
}

function build(state: EditorState, base: Omit<HighlightState, 'decorations' | 'ranges'>): HighlightState {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const anchor of base.anchors) {
    const range = resolve(state, anchor);
    if (range) ranges.set(anchor.commentId, range);
  }
  return { ...base, ranges, decorations: decorate(state.doc, ranges, base.activeId) };
}

function apply(tr: Transaction, previous: HighlightState, _old: EditorState, newState: EditorState) {
  const meta = tr.getMeta(commentHighlightKey) as HighlightMeta | undefined;
  if (meta) {
    const { rebuild: _, ...changes } = meta;
    return build(newState, {
      anchors: previous.anchors,
      activeId: previous.activeId,
      onPick: previous.onPick,
      ...changes,
    });
  }
  if (!tr.docChanged || previous.anchors.length === 0) return previous;
  // Until Yjs catches up (the view's update, below), the marks move with the typing.
  const decorations = previous.decorations.map(tr.mapping, tr.doc);
  const ranges = new Map<string, { from: number; to: number }>();
  for (const found of decorations.find()) {
    ranges.set((found.spec as { commentId: string }).commentId, { from: found.from, to: found.to });
  }
  return { ...previous, decorations, ranges };
}

/** After any change of the document (one's own typing or someone else's), ask Yjs again. */
function rebuildAfterChange(view: EditorView) {
  let queued = false;
  return {
    update(updated: EditorView, previous: EditorState) {
      if (queued || updated.state.doc === previous.doc) return;
      if (!commentHighlightKey.getState(updated.state)?.anchors.length) return;
      queued = true;
      // The Yjs binding writes one's own typing in its own view update: after this one.
      queueMicrotask(() => {
        queued = false;
        if (view.isDestroyed) return;
        view.dispatch(view.state.tr.setMeta(commentHighlightKey, { rebuild: true }));
      });
    },
  };
}

/**
 * Highlights the phrases of the open comments in the live shared copy, the picked one stronger.
 * Set them with `tr.setMeta(commentHighlightKey, { anchors, activeId, onPick })`; a click on a
 * highlighted phrase calls `onPick` with its comment. Decorations, never marks: nothing of it
 * is written into the document the client is sent.
 */
export const CommentHighlight = Extension.create({
  name: 'commentHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightKey,
        state: {
          init: () => ({
            anchors: [],
            activeId: null,
            onPick: () => {},
            decorations: DecorationSet.empty,
            ranges: new Map(),
          }),
          apply,
        },
        view: rebuildAfterChange,
        props: {
          decorations: (state) => commentHighlightKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const state = commentHighlightKey.getState(view.state);
            const found = state?.decorations.find(pos, pos)[0];
            const commentId = (found?.spec as { commentId?: string } | undefined)?.commentId;
            if (state && commentId) state.onPick(commentId);
            return false;
          },
        },
      }),
    ];
  },
});
