import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  anchorPhrase,
  COPY_FIELD,
  copyOf,
  resolvePhrase,
  writeText,
} from '../../src/server/posts/copyDoc.ts';
import type { AnchorPositions } from '../../src/shared/posts/anchorEnds.ts';
import { typeOver } from '../support/posts.ts';

/**
 * Anchored comments follow their phrase through the writer's edits, made here directly on the
 * copy's Yjs document (Y.XmlText operations) and through the editor's own binding
 * (y-tiptap's updateYFragment, what the writer's keystrokes become).
 */

const TEXT = 'Кава Гуджі з Ефіопії, ягідна.';
const PHRASE = 'Гуджі з Ефіопії';

function commented(text = TEXT, phrase = PHRASE) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(COPY_FIELD);
  writeText(fragment, text);
  const start = text.indexOf(phrase);
  const anchor = anchorPhrase(copyOf(doc).layout, start, start + phrase.length);
  if (!anchor) throw new Error('not anchored');
  const run = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  return { doc, fragment, run, anchor, start };
}

/** What the comment's phrase reads now, or null when orphaned. */
const reads = (doc: Y.Doc, anchor: AnchorPositions) => resolvePhrase(copyOf(doc), anchor)?.current ?? null;

describe('[17.5] an anchored comment follows its phrase', () => {
  it('[17.5] keeps the whole new phrase when the writer selects it and types over it', () => {
    const { doc, fragment, anchor, start } = commented();
    typeOver(fragment, start, start + PHRASE.length, 'Гуджі, Ефіопія');
    expect(copyOf(doc).layout.text).toBe('Кава Гуджі, Ефіопія, ягідна.');
    expect(reads(doc, anchor)).toBe('Гуджі, Ефіопія');
    // The old anchor (the phrase's own ends only): the first "Г" survived and the deleted last
    // letter resolved right after it, the comment read "Now reads: «Г»".
    expect(reads(doc, { ...anchor, before: '', after: '', following: '' })).toBe('Г');
  });

  it('[17.5] keeps the new phrase when the editor reuses the space or the full stop after it', () => {
    const spaced = 'Кава Гуджі з Ефіопії у новому купажі.';
    const a = commented(spaced);
    typeOver(a.fragment, a.start, a.start + PHRASE.length, 'Гуджі та Ефіопія');
    expect(reads(a.doc, a.anchor)).toBe('Гуджі та Ефіопія');

    const last = 'Кава Гуджі з Ефіопії.';
    const b = commented(last);
    typeOver(b.fragment, b.start, b.start + PHRASE.length, 'Гуджі. Ефіопія');
    expect(copyOf(b.doc).layout.text).toBe('Кава Гуджі. Ефіопія.');
    expect(reads(b.doc, b.anchor)).toBe('Гуджі. Ефіопія');
  });

  it('[17.5] keeps the new phrase when it shares no letter with the old one', () => {
    const { doc, fragment, anchor, start } = commented();
    typeOver(fragment, start, start + PHRASE.length, 'Сідамо з Кенії');
    expect(reads(doc, anchor)).toBe('Сідамо з Кенії');
  });

  it('[17.5] keeps the new phrase when the whole phrase is deleted and retyped in one step', () => {
    const { doc, run, anchor, start } = commented();
    doc.transact(() => {
      run.delete(start, PHRASE.length);
      run.insert(start, 'Іргачеффе');
    });
    expect(reads(doc, anchor)).toBe('Іргачеффе');
  });

  it('[17.5] covers text typed inside the phrase', () => {
    const { doc, run, anchor, start } = commented();
    run.insert(start + 'Гуджі з '.length, 'південної ');
    expect(reads(doc, anchor)).toBe('Гуджі з південної Ефіопії');
  });

  it('[17.5] covers a part replaced at its end, at its start, or in its middle', () => {
    const end = commented();
    end.doc.transact(() => {
      end.run.delete(end.start + 8, 'Ефіопії'.length);
      end.run.insert(end.start + 8, 'Кенія');
    });
    expect(reads(end.doc, end.anchor)).toBe('Гуджі з Кенія');

    const first = commented();
    first.doc.transact(() => {
      first.run.delete(first.start, 'Гуджі'.length);
      first.run.insert(first.start, 'Сідамо');
    });
    expect(reads(first.doc, first.anchor)).toBe('Сідамо з Ефіопії');

    const middle = commented();
    typeOver(middle.fragment, middle.start + 6, middle.start + 7, 'із');
    expect(reads(middle.doc, middle.anchor)).toBe('Гуджі із Ефіопії');
  });

  it('[17.5] is orphaned when the phrase is deleted and nothing takes its place', () => {
    const { doc, fragment, run, anchor, start } = commented();
    run.delete(start, PHRASE.length);
    expect(copyOf(doc).layout.text).toBe('Кава , ягідна.');
    expect(reads(doc, anchor)).toBeNull();
    // Deleted through the editor (a selection and Backspace) the same.
    const again = commented();
    typeOver(again.fragment, again.start, again.start + PHRASE.length, '');
    expect(reads(again.doc, again.anchor)).toBeNull();
    expect(fragment.length).toBe(1);
  });

  it('[17.5] does not take in text typed right before or right after the phrase', () => {
    // The writer adding words next to a commented phrase is not rewriting it.
    const { doc, run, anchor, start } = commented();
    run.insert(start + PHRASE.length, ' та Кенії');
    run.insert(start, 'свіжа ');
    expect(copyOf(doc).layout.text).toBe('Кава свіжа Гуджі з Ефіопії та Кенії, ягідна.');
    expect(reads(doc, anchor)).toBe(PHRASE);
  });

  it('[17.5] keeps a phrase that fills its whole paragraph when it is typed over', () => {
    const { doc, fragment, anchor } = commented(PHRASE, PHRASE);
    typeOver(fragment, 0, PHRASE.length, 'Нова кава');
    expect(reads(doc, anchor)).toBe('Нова кава');
  });

  it('[17.5] reads a comment kept before the outer positions as before: its own ends only', () => {
    const { doc, run, anchor, start } = commented();
    const old = { ...anchor, before: '', after: '' };
    run.insert(start + 6, 'ще ');
    expect(reads(doc, old)).toBe('Гуджі ще з Ефіопії');
    run.delete(start, PHRASE.length + 3);
    expect(reads(doc, old)).toBeNull();
  });
});
