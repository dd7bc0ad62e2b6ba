import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** A commented phrase as the server keeps it: two Yjs relative positions (base64). */
export interface HighlightAnchor {
  relStart: string;
  relEnd: string;
}

interface HighlightState {
  anchor: HighlightAnchor | null;
  decorations: DecorationSet;
  /** Where the phrase is now, or null when it no longer resolves (deleted: "orphaned"). */
  range: { from: number; to: number } | null;
}

export const commentHighlightKey = new PluginKey<HighlightState>('commentHighlight');

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * Where the phrase sits in the editor's document now. Relative positions follow the text
 * through everyone's edits, so this is recomputed from them rather than kept as numbers.
 */
function resolve(state: EditorState, anchor: HighlightAnchor): { from: number; to: number } | null {
  const ystate = ySyncPluginKey.getState(state);
  const binding = ystate?.binding;
  if (!binding || binding.mapping.size === 0) return null;
  try {
    const absolute = (encoded: string) =>
      relativePositionToAbsolutePosition(
        binding.doc,
        binding.type,
        Y.decodeRelativePosition(fromBase64(encoded)),
        binding.mapping,
      );
    const from = absolute(anchor.relStart);
    const to = absolute(anchor.relEnd);
    if (from === null || to === null || to <= from) return null;
    const max = state.doc.content.size;
    return { from: Math.min(from, max), to: Math.min(to, max) };
  } catch {
    // A malformed or foreign position: nothing to show, like an orphaned comment.
    return null;
  }
}

function build(state: EditorState, anchor: HighlightAnchor | null): HighlightState {
  const range = anchor ? resolve(state, anchor) : null;
  const decorations = range
    ? DecorationSet.create(state.doc, [
        Decoration.inline(range.from, range.to, { class: 'post-copy__comment-highlight' }),
      ])
    : DecorationSet.empty;
  return { anchor, decorations, range };
}

function apply(tr: Transaction, previous: HighlightState, _old: EditorState, newState: EditorState) {
  const picked = tr.getMeta(commentHighlightKey) as { anchor: HighlightAnchor | null } | undefined;
  if (picked) return build(newState, picked.anchor);
  if (!previous.anchor || !tr.docChanged) return previous;
  const remote = ySyncPluginKey.getState(newState)?.isChangeOrigin;
  // Someone else's typing rebuilds the document wholesale: find the phrase again from Yjs.
  // One's own typing maps the highlight along (Yjs catches up after the transaction).
  if (remote) return build(newState, previous.anchor);
  const decorations = previous.decorations.map(tr.mapping, tr.doc);
  const found = decorations.find()[0];
  return { ...previous, decorations, range: found ? { from: found.from, to: found.to } : null };
}

/**
 * Highlights the phrase a picked comment points at, in the live shared copy. Set it with
 * `tr.setMeta(commentHighlightKey, { anchor })` (null clears it).
 */
export const CommentHighlight = Extension.create({
  name: 'commentHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightKey,
        state: {
          init: () => ({ anchor: null, decorations: DecorationSet.empty, range: null }),
          apply,
        },
        props: {
          decorations: (state) => commentHighlightKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
