import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { type CopyNode, copyTextOf } from '../../src/shared/posts/copyText.ts';
import {
  copyBlocks,
  locatePhrase,
  offsetAt,
  offsetsToRange,
  posAt,
  selectionToOffsets,
} from '../../src/web/posts/review/copyOffsets.ts';

const schema = getSchema([StarterKit]);
const text = (value: string, marks?: { type: string }[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: object[]) => ({ type: 'paragraph', ...(content.length ? { content } : {}) });

/** A copy with most of what a writer uses: a heading, formatting, a hard break, a list, a rule. */
const json = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Нова кава')] },
    paragraph(text('Ефіопія '), text('Іргачефф', [{ type: 'bold' }]), text(': ягоди')),
    paragraph(),
    paragraph(text('Рядок'), { type: 'hardBreak' }, text('ще рядок')),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('перший'))] },
        { type: 'listItem', content: [paragraph(text('другий'))] },
      ],
    },
    { type: 'horizontalRule' },
    paragraph(text('Кінець ☕')),
  ],
};
const doc = schema.nodeFromJSON(json);
const plain = copyTextOf(json as CopyNode);

describe('copy offsets for anchored comments', () => {
  it('agrees with copyTextOf on where every block starts', () => {
    const blocks = copyBlocks(doc);
    expect(blocks).toHaveLength(plain.split('\n').length - 1); // the hard break adds a line, not a block
    for (const block of blocks) {
      expect(doc.textBetween(block.pos, block.pos + block.length, '\n', '\n')).toBe(
        plain.slice(block.offset, block.offset + block.length),
      );
    }
  });

  it('maps every offset to a position and back', () => {
    const blocks = copyBlocks(doc);
    for (let offset = 0; offset <= plain.length; offset++) {
      expect(offsetAt(blocks, posAt(blocks, offset))).toBe(offset);
    }
  });

  it('turns any selection into the offsets of the same text', () => {
    for (let start = 0; start < plain.length; start += 3) {
      for (let end = start + 1; end <= plain.length; end += 5) {
        const { from, to } = offsetsToRange(doc, start, end);
        const picked = selectionToOffsets(doc, plain, from, to);
        expect(picked).toEqual({ start, end, quote: plain.slice(start, end) });
      }
    }
  });

  it('reads a backwards selection the same way', () => {
    const at = plain.indexOf('Іргачефф');
    const { from, to } = offsetsToRange(doc, at, at + 'Іргачефф'.length);
    expect(selectionToOffsets(doc, plain, to, from).quote).toBe('Іргачефф');
  });

  it('counts a position between blocks as the end of the block before', () => {
    const list = doc.child(4);
    let listPos = 0;
    doc.forEach((node, pos) => {
      if (node === list) listPos = pos;
    });
    const blocks = copyBlocks(doc);
    expect(plain.slice(0, offsetAt(blocks, listPos)).endsWith('ще рядок')).toBe(true);
  });

  it('finds the phrase again when the offsets point into a newer text', () => {
    const anchor = { start: 4, end: 8, current: 'кава', quote: 'кава' };
    expect(locatePhrase('Нова кава', { ...anchor, start: 5, end: 9 })).toEqual({ start: 5, end: 9 });
    expect(locatePhrase('Нова кава', anchor)).toEqual({ start: 5, end: 9 });
    expect(locatePhrase('Новий чай', anchor)).toBeNull();
    expect(locatePhrase('Нова кава', { start: null, end: null, current: null, quote: 'Нова' })).toEqual({
      start: 0,
      end: 4,
    });
  });
});
