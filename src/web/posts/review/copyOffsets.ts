import type { Node as PmNode } from '@tiptap/pm/model';

/**
 * Anchored comments point into the copy's plain text (`copyTextOf` in shared/posts/copyText:
 * text blocks joined by one line break, a hard break is a line break). The reader selects in
 * a ProseMirror document: these helpers translate between its positions and those offsets.
 * Inside a text block one character is one position (a hard break is one node of size one),
 * so each block needs only where it starts on both sides.
 */
interface Block {
  /** The ProseMirror position where the block's text starts. */
  pos: number;
  /** The plain-text offset where it starts. */
  offset: number;
  length: number;
}

const BREAK = 'hardBreak';

/** The same "text block" as copyText.ts: no child is a block (an empty paragraph, a rule, too). */
const isTextBlock = (node: PmNode) =>
  !node.isText &&
  node.type.name !== BREAK &&
  node.type.name !== 'doc' &&
  Array.from({ length: node.childCount }, (_, i) => node.child(i)).every(
    (c) => c.isText || c.type.name === BREAK,
  );

/** The text blocks of a document with their places in both coordinates. */
export function copyBlocks(doc: PmNode): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!isTextBlock(node)) return true;
    // A leaf block (a horizontal rule) has no inside: it counts as an empty line at its place.
    const start = node.isLeaf ? pos : pos + 1;
    const length = node.isLeaf ? 0 : node.content.size;
    if (blocks.length > 0) offset += 1; // the line break that joins blocks
    blocks.push({ pos: start, offset, length });
    offset += length;
    return false;
  });
  return blocks;
}

/**
 * The plain-text offset of a document position. A position between blocks (a list's edge)
 * counts as the end of the block before it, or the start of the first one.
 */
export function offsetAt(blocks: Block[], pos: number): number {
  let found: Block | undefined;
  for (const block of blocks) {
    if (block.pos > pos) break;
    found = block;
  }
  if (!found) return 0;
  return found.offset + Math.min(pos - found.pos, found.length);
}

/** The document position of a plain-text offset (clamped to the text). */
export function posAt(blocks: Block[], offset: number): number {
  if (blocks.length === 0) return 0;
  for (const block of blocks) {
    if (offset <= block.offset + block.length) return block.pos + Math.max(0, offset - block.offset);
  }
  const last = blocks.at(-1)!;
  return last.pos + last.length;
}

/** A selection from..to as plain-text offsets, and the text it covers. */
export function selectionToOffsets(doc: PmNode, text: string, from: number, to: number) {
  const blocks = copyBlocks(doc);
  const start = offsetAt(blocks, Math.min(from, to));
  const end = offsetAt(blocks, Math.max(from, to));
  return { start, end, quote: text.slice(start, end) };
}

/** Plain-text offsets start..end as a document range (for highlighting). */
export function offsetsToRange(doc: PmNode, start: number, end: number) {
  const blocks = copyBlocks(doc);
  return { from: posAt(blocks, start), to: posAt(blocks, end) };
}

/**
 * Where an anchored phrase is in this text. The server's offsets point into the copy as it is
 * now; the reader may be looking at the version that was sent, which can differ. Offsets that
 * still cover the phrase win; otherwise its first occurrence; otherwise it is not here.
 */
export function locatePhrase(
  text: string,
  anchor: { start: number | null; end: number | null; current: string | null; quote: string },
): { start: number; end: number } | null {
  const { start, end } = anchor;
  const phrases = [anchor.current, anchor.quote].filter((p): p is string => Boolean(p));
  if (start !== null && end !== null && end > start && end <= text.length) {
    const there = text.slice(start, end);
    if (phrases.length === 0 || phrases.includes(there)) return { start, end };
  }
  for (const phrase of phrases) {
    const at = text.indexOf(phrase);
    if (at >= 0) return { start: at, end: at + phrase.length };
  }
  return null;
}
