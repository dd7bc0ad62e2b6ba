import { describe, expect, it } from 'vitest';
import { holidaysOf } from '../../src/server/planning/holidays.ts';

describe('holidaysOf', () => {
  it('lists New Year as a Ukrainian public holiday in January, named in Ukrainian', () => {
    const january = holidaysOf('UA', '2027-01', 'uk');
    expect(january).toContainEqual({ date: '2027-01-01', name: 'Новий Рік', type: 'public' });
    expect(january.every((h) => h.date.startsWith('2027-01'))).toBe(true);
  });

  it('names holidays in English when asked, and accepts a lower-case country', () => {
    expect(holidaysOf('ua', '2026-12', 'en')).toContainEqual({
      date: '2026-12-25',
      name: 'Christmas Day',
      type: 'public',
    });
  });

  it('keeps observances apart from public holidays', () => {
    const december = holidaysOf('DE', '2026-12', 'en');
    expect(december.find((h) => h.date === '2026-12-25')?.type).toBe('public');
    expect(december.some((h) => h.type === 'observance')).toBe(true);
  });

  it('answers an empty list for a country it does not know', () => {
    expect(holidaysOf('ZZ', '2026-12', 'uk')).toEqual([]);
    expect(holidaysOf('not a country', '2026-12', 'en')).toEqual([]);
  });
});
