import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { toStorableText } from '../../shared/api/common.ts';
import {
  type AnchorPositions,
  followingText,
  phraseEnds,
  positionsOfPhrase,
  shiftPastReused,
} from '../../shared/posts/anchorEnds.ts';
import type { CopyNode } from '../../shared/posts/copyText.ts';
import { loadState } from '../collab/store.ts';
import type { Executor } from '../db/connect.ts';

/** The Yjs document of a post's copy, and the field its Tiptap editor writes into. */
export const copyDocument = (postId: string) => `post:${postId}:copy`;
export const COPY_FIELD = 'default';
const pattern = /^post:([0-9a-f-]{36}):copy$/;
export const postOfDocument = (name: string): string | null => pattern.exec(name)?.[1] ?? null;

/** Where one run of text sits in the plain copy. */
interface Run {
  node: Y.XmlText;
  offset: number;
  length: number;
}

export interface CopyLayout {
  text: string;
  runs: Run[];
}

/**
 * The copy arrives through the editor (Yjs updates), not through a zod schema, so it may hold
 * what PostgreSQL's text and jsonb cannot store: a NUL byte or a lone surrogate. Its stored
 * forms (plain text, the frozen version's JSON) show U+FFFD there instead.
 */
const storable = toStorableText;

function storableJson<T>(value: T): T {
  if (typeof value === 'string') return storable(value) as T;
  if (Array.isArray(value)) return value.map(storableJson) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [storable(key), storableJson(inner)]),
    ) as T;
  }
  return value;
}

const textOf = (node: Y.XmlText) =>
  storable(
    (node.toDelta() as Array<{ insert?: unknown }>)
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join(''),
  );

const isBreak = (node: unknown) => node instanceof Y.XmlElement && node.nodeName === 'hardBreak';
const isTextBlock = (node: Y.XmlElement) =>
  node.nodeName !== 'hardBreak' && node.toArray().every((c) => c instanceof Y.XmlText || isBreak(c));

/**
 * The copy's plain text (the definition in shared/posts/copyText.ts: text blocks joined by a
 * line break, a hard break is one) and where each Yjs text run sits in it.
 */
export function layoutOf(fragment: Y.XmlFragment): CopyLayout {
  let text = '';
  let blocks = 0;
  const runs: Run[] = [];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes) {
      if (!(node instanceof Y.XmlElement)) continue;
      if (!isTextBlock(node)) {
        walk(node.toArray());
        continue;
      }
      if (blocks++ > 0) text += '\n';
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlText) {
          const s = textOf(child);
          runs.push({ node: child, offset: text.length, length: s.length });
          text += s;
        } else text += '\n';
      }
    }
  };
  walk(fragment.toArray());
  return { text, runs };
}

export interface Copy {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  layout: CopyLayout;
  json: CopyNode;
}

/** A post's copy as stored (every acknowledged edit is stored before it is acknowledged). */
export async function readCopy(db: Executor, postId: string): Promise<Copy> {
  const state = await loadState(db, copyDocument(postId));
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return copyOf(doc);
}

/** A copy from a Yjs state (a sent version's, kept with it). */
export function copyFromState(state: Uint8Array): Copy {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return copyOf(doc);
}

export function copyOf(doc: Y.Doc): Copy {
  const fragment = doc.getXmlFragment(COPY_FIELD);
  return {
    doc,
    fragment,
    layout: layoutOf(fragment),
    json: storableJson(yXmlFragmentToProsemirrorJSON(fragment) as CopyNode),
  };
}

/** Fill an empty copy with plain text, one paragraph per line (new posts, the demo, tests). */
export function writeText(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text.split('\n').map((line) => {
    const p = new Y.XmlElement('paragraph');
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  fragment.insert(fragment.length, paragraphs);
}

/** A Yjs update that writes this text into a post's (empty) copy. */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  writeText(doc.getXmlFragment(COPY_FIELD), text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Anchor a phrase (plain-text offsets) to the copy: its own ends and the places around it
 * (shared/posts/anchorEnds.ts says why four). null when the offsets do not fall in the text.
 */
export function anchorPhrase(layout: CopyLayout, start: number, end: number): AnchorPositions | null {
  if (start < 0 || end <= start || end > layout.text.length) return null;
  const first = layout.runs.find((r) => start >= r.offset && start < r.offset + r.length);
  const last = layout.runs.find((r) => end > r.offset && end <= r.offset + r.length);
  if (!first || !last) return null;
  const following = followingText(layout.text, end);
  return positionsOfPhrase(first.node, start - first.offset, last.node, end - last.offset, following);
}

/**
 * Where an anchored phrase is now: null when its text was deleted and nothing took its place
 * (the comment is orphaned). Text typed over the phrase is the phrase now.
 */
export function resolvePhrase(copy: Copy, anchor: AnchorPositions) {
  const ends = phraseEnds(copy.doc, anchor);
  if (!ends) return null;
  const at = (position: Y.RelativePosition) => {
    const abs = Y.createAbsolutePositionFromRelativePosition(position, copy.doc);
    if (!abs) return null;
    const run = copy.layout.runs.find((r) => r.node === abs.type);
    return run ? run.offset + abs.index : null;
  };
  const start = at(ends.start);
  let end = at(ends.end);
  if (end !== null && ends.endFellBack) {
    end += shiftPastReused(`${copy.layout.text.slice(end)}\n`, anchor.following);
  }
  if (start === null || end === null || end <= start) return null;
  return { start, end, current: copy.layout.text.slice(start, end) };
}
