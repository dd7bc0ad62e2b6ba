import { describe, expect, it } from 'vitest';
import { type DiffPart, diffStats, diffWords, tokenize } from '../../src/shared/posts/diff.ts';

const oldText = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'added')
    .map((p) => p.text)
    .join('');
const newText = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'removed')
    .map((p) => p.text)
    .join('');

describe('word diff of a post’s copy', () => {
  it('splits words, spaces and punctuation, keeping apostrophes inside words', () => {
    expect(tokenize("М’ята, кава!  Don't")).toEqual(['М’ята', ',', ' ', 'кава', '!', '  ', "Don't"]);
    expect(tokenize('')).toEqual([]);
    // An emoji with its skin tone or joiners stays whole; other signs go one by one.
    expect(tokenize('Ура👩🏽‍💻!?')).toEqual(['Ура', '👩🏽‍💻', '!', '?']);
  });

  it('says nothing changed for equal texts', () => {
    expect(diffWords('Кава з Ефіопії', 'Кава з Ефіопії')).toEqual([{ kind: 'same', text: 'Кава з Ефіопії' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('marks an inserted word', () => {
    expect(diffWords('Fresh coffee today', 'Fresh roasted coffee today')).toEqual([
      { kind: 'same', text: 'Fresh ' },
      { kind: 'added', text: 'roasted ' },
      { kind: 'same', text: 'coffee today' },
    ]);
  });

  it('marks a removed word and a changed one, removed before added', () => {
    expect(diffWords('Нова кава з Кенії вже тут', 'Нова кава з Колумбії тут')).toEqual([
      { kind: 'same', text: 'Нова кава з ' },
      { kind: 'removed', text: 'Кенії вже' },
      { kind: 'added', text: 'Колумбії' },
      { kind: 'same', text: ' тут' },
    ]);
  });

  it('reads a replaced phrase as one change, not word by word', () => {
    const parts = diffWords('We open at nine in the morning.', 'We open at ten sharp every day.');
    expect(parts).toEqual([
      { kind: 'same', text: 'We open at ' },
      { kind: 'removed', text: 'nine in the morning' },
      { kind: 'added', text: 'ten sharp every day' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('keeps a full stop when words are added before it', () => {
    expect(diffWords('замовляйте онлайн.', 'замовляйте онлайн зі знижкою 10%.')).toEqual([
      { kind: 'same', text: 'замовляйте онлайн' },
      { kind: 'added', text: ' зі знижкою 10%' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('changes only the punctuation when only the punctuation changed', () => {
    expect(diffWords('Come by, friends.', 'Come by, friends!')).toEqual([
      { kind: 'same', text: 'Come by, friends' },
      { kind: 'removed', text: '.' },
      { kind: 'added', text: '!' },
    ]);
  });

  it('handles a text written from nothing and one deleted to nothing', () => {
    expect(diffWords('', 'Перший пост')).toEqual([{ kind: 'added', text: 'Перший пост' }]);
    expect(diffWords('Old', '')).toEqual([{ kind: 'removed', text: 'Old' }]);
  });

  it('keeps line breaks as changes of their own', () => {
    const parts = diffWords('Line one\nLine two', 'Line one\n\nLine two');
    expect(oldText(parts)).toBe('Line one\nLine two');
    expect(newText(parts)).toBe('Line one\n\nLine two');
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text.trim())).toEqual(['', '']);
  });

  it('always gives back both texts, whatever they are', () => {
    const words = ['кава', 'coffee', ' ', '  ', '\n', ',', '!', '☕', 'Київ', 'м’ята', 'a'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const text = () =>
      Array.from(
        { length: Math.floor(random() * 30) },
        () => words[Math.floor(random() * words.length)],
      ).join('');
    for (let k = 0; k < 300; k++) {
      const a = text();
      const b = text();
      const parts = diffWords(a, b);
      expect(oldText(parts)).toBe(a);
      expect(newText(parts)).toBe(b);
      expect(parts.every((p) => p.text.length > 0)).toBe(true);
      // Neighbours never share a kind: merged parts read as one.
      expect(parts.every((p, i) => i === 0 || parts[i - 1]!.kind !== p.kind)).toBe(true);
    }
  });

  it('is quick on a long post', () => {
    const long = Array.from({ length: 600 }, (_, i) => `слово${i % 50}`).join(' ');
    const edited = long.replace(/слово7 /g, 'нове ').replace(/слово3/g, '');
    const started = performance.now();
    const parts = diffWords(long, edited);
    expect(performance.now() - started).toBeLessThan(500);
    expect(newText(parts)).toBe(edited);
  });

  it('counts the words added and removed', () => {
    expect(diffStats(diffWords('a b c, d', 'a x y c d'))).toEqual({ added: 2, removed: 1 });
  });
});
