import { describe, expect, it } from 'vitest';
import { holidaysOf } from '../../src/server/planning/calendars/index.ts';

describe('holidaysOf', () => {
  it('lists New Year as a Ukrainian public holiday in January, named in Ukrainian', async () => {
    const january = await holidaysOf('UA', '2027-01', 'uk');
    expect(january).toContainEqual(
      expect.objectContaining({ date: '2027-01-01', name: 'Новий рік', type: 'public' }),
    );
    expect(january.every((h) => h.date.startsWith('2027-01'))).toBe(true);
  });

  it('names holidays in English when asked, and accepts a lower-case country', async () => {
    expect(await holidaysOf('ua', '2026-12', 'en')).toContainEqual(
      expect.objectContaining({ date: '2026-12-25', name: 'Christmas Day', type: 'public' }),
    );
  });

  it('keeps observances apart from public holidays', async () => {
    const december = await holidaysOf('DE', '2026-12', 'en');
    expect(december.find((h) => h.date === '2026-12-25')?.type).toBe('public');
    expect(december.some((h) => h.type === 'observance')).toBe(true);
  });

  it('answers an empty list for a country it does not know', async () => {
    expect(await holidaysOf('ZZ', '2026-12', 'uk')).toEqual([]);
    expect(await holidaysOf('not a country', '2026-12', 'en')).toEqual([]);
  });
});
