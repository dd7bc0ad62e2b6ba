import { describe, expect, it } from 'vitest';
import { characters, checkPost, xLength } from '../../src/shared/posts/limits.ts';
import { canMovePost, roundAfter } from '../../src/shared/posts/statuses.ts';

const draft = (copy: string, more: Partial<Parameters<typeof checkPost>[1]> = {}) => ({
  copy,
  hashtags: [],
  firstComment: '',
  hasMedia: false,
  ...more,
});

describe('network limits', () => {
  it('counts characters as people do: an emoji or a Cyrillic letter is one', () => {
    expect(characters('Кава ☕')).toBe(6);
    expect('Кава ☕'.length).toBe(6);
    expect(characters('👩‍💻')).toBe(3);
  });

  it('holds Instagram to 2 200 characters with the hashtags it will carry', () => {
    expect(checkPost('instagram', draft('а'.repeat(2200))).problems).toEqual([]);
    const over = checkPost('instagram', draft('а'.repeat(2190), { hashtags: ['кава', 'київ'] }));
    expect(over.length).toBe(2190 + 2 + 11);
    expect(over.problems).toEqual([{ code: 'copy_too_long', length: 2203, limit: 2200 }]);
  });

  it('counts hashtags in the copy and in the list against Instagram’s 30', () => {
    const tags = Array.from({ length: 25 }, (_, i) => `tag${i}`);
    const res = checkPost('instagram', draft('#один #два #три #чотири #пять #шість', { hashtags: tags }));
    expect(res.problems).toContainEqual({ code: 'too_many_hashtags', count: 31, limit: 30 });
  });

  it('weighs X: emoji twice, every link as 23', () => {
    expect(xLength('Привіт')).toBe(6);
    expect(xLength('☕')).toBe(2);
    expect(xLength('see https://kyivcoffee.example/shop/very/long/path?utm=1')).toBe(4 + 23);
    expect(checkPost('x', draft(`${'a'.repeat(279)}☕`)).problems[0]).toMatchObject({
      length: 281,
      limit: 280,
    });
  });

  it('gives Telegram 4 096 characters, or 1 024 under a photo', () => {
    const text = 'т'.repeat(2000);
    expect(checkPost('telegram', draft(text)).problems).toEqual([]);
    expect(checkPost('telegram', draft(text, { hasMedia: true })).problems).toEqual([
      { code: 'copy_too_long', length: 2000, limit: 1024 },
    ]);
  });

  it('says what a network does not do: first comments on Telegram, links in an Instagram caption', () => {
    expect(checkPost('telegram', draft('x', { firstComment: 'перший' })).problems).toEqual([
      { code: 'first_comment_unsupported' },
    ]);
    expect(checkPost('instagram', draft('купуйте на https://kyivcoffee.example')).problems).toEqual([
      { code: 'links_not_clickable' },
    ]);
    // Checked twice in a row: the global pattern's state does not leak into the next check.
    expect(checkPost('instagram', draft('https://a.example')).problems).toHaveLength(1);
    expect(checkPost('linkedin', draft('x'.repeat(3001))).problems[0]).toMatchObject({ limit: 3000 });
  });
});

describe('post statuses', () => {
  const off = { internalReview: false };
  const on = { internalReview: true };
  it('lets each side make only its own moves', () => {
    expect(canMovePost('draft', 'client_review', 'agency', off)).toBe(true);
    expect(canMovePost('draft', 'client_review', 'client', off)).toBe(false);
    expect(canMovePost('client_review', 'approved', 'client', off)).toBe(true);
    expect(canMovePost('client_review', 'approved', 'agency', off)).toBe(false);
    expect(canMovePost('client_review', 'changes_requested', 'client', off)).toBe(true);
    expect(canMovePost('approved', 'published', 'agency', off)).toBe(true);
    expect(canMovePost('published', 'draft', 'agency', off)).toBe(false);
    expect(canMovePost('draft', 'approved', 'client', off)).toBe(false);
  });

  it('sends a post through internal review first when the client has it on', () => {
    expect(canMovePost('draft', 'client_review', 'agency', on)).toBe(false);
    expect(canMovePost('draft', 'internal_review', 'agency', on)).toBe(true);
    expect(canMovePost('internal_review', 'client_review', 'agency', on)).toBe(true);
    expect(canMovePost('changes_requested', 'client_review', 'agency', on)).toBe(false);
  });

  it('opens a round with every "changes requested", and when an approved post is reopened', () => {
    let round = 1;
    const path: Array<[Parameters<typeof roundAfter>[0], Parameters<typeof roundAfter>[1]]> = [
      ['draft', 'client_review'],
      ['client_review', 'changes_requested'],
      ['changes_requested', 'client_review'],
      ['client_review', 'changes_requested'],
      ['changes_requested', 'internal_review'],
      ['internal_review', 'client_review'],
      ['client_review', 'approved'],
    ];
    const rounds = path.map(([from, to]) => (round = roundAfter(from, to, round)));
    expect(rounds).toEqual([1, 2, 2, 3, 3, 3, 3]);
    expect(roundAfter('approved', 'client_review', 3)).toBe(4);
    expect(roundAfter('client_review', 'draft', 1)).toBe(1);
  });
});
