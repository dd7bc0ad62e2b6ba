import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { holidaysOf } from '../../src/server/planning/calendars/index.ts';
import { orthodoxEaster, ukraine } from '../../src/server/planning/calendars/ua.ts';
import { publicHolidaysAround } from '../../src/server/planning/workingDays.ts';

/**
 * Issue 18.4: Ukraine's public holidays are those of the Labour Code's Art. 73 as amended in 2023,
 * with no substitute days off while martial law lasts; notable days are listed apart.
 */

/** Art. 73 holidays, by hand from the law and the Orthodox paschalion. */
const TABLE: Record<string, Array<[string, string]>> = {
  2026: [
    ['2026-01-01', 'Новий рік'],
    ['2026-03-08', 'Міжнародний жіночий день'], // a Sunday
    ['2026-04-12', 'Великдень'],
    ['2026-05-01', 'День праці'],
    ['2026-05-08', 'День пам’яті та перемоги над нацизмом'],
    ['2026-05-31', 'Трійця'],
    ['2026-06-28', 'День Конституції України'], // a Sunday
    ['2026-07-15', 'День Української Державності'],
    ['2026-08-24', 'День Незалежності України'],
    ['2026-10-01', 'День захисників і захисниць України'],
    ['2026-12-25', 'Різдво Христове'],
  ],
  2027: [
    ['2027-01-01', 'Новий рік'],
    ['2027-03-08', 'Міжнародний жіночий день'],
    ['2027-05-01', 'День праці'], // a Saturday
    ['2027-05-02', 'Великдень'],
    ['2027-05-08', 'День пам’яті та перемоги над нацизмом'], // a Saturday
    ['2027-06-20', 'Трійця'],
    ['2027-06-28', 'День Конституції України'],
    ['2027-07-15', 'День Української Державності'],
    ['2027-08-24', 'День Незалежності України'],
    ['2027-10-01', 'День захисників і захисниць України'],
    ['2027-12-25', 'Різдво Христове'], // a Saturday
  ],
};

async function publicOfYear(year: number, language: 'uk' | 'en' = 'uk') {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const all = (await Promise.all(months.map((m) => holidaysOf('UA', m, language)))).flat();
  return all.filter((h) => h.type === 'public').map((h) => [h.date, h.name]);
}

describe('[18.4] Ukraine’s public holidays', () => {
  for (const year of [2026, 2027]) {
    it(`[18.4] ${year}: exactly the Labour Code’s Art. 73 days, no substitute day off under martial law`, async () => {
      expect(await publicOfYear(year)).toEqual(TABLE[year]);
    });
  }

  it('[18.4] 2 and 4 January 2026 are ordinary days, not «Новий Рік» nor its substitute; 7 January is no holiday', async () => {
    const january = await holidaysOf('UA', '2026-01', 'uk');
    for (const date of ['2026-01-02', '2026-01-04', '2026-01-07'])
      expect(january.filter((h) => h.date === date)).toEqual([]);
    const january2027 = await holidaysOf('UA', '2027-01', 'en');
    for (const date of ['2027-01-02', '2027-01-04', '2027-01-07'])
      expect(january2027.filter((h) => h.date === date && h.type === 'public')).toEqual([]);
  });

  it('[18.4] names holidays in English too, and Christmas is on 25 December only', async () => {
    expect(await holidaysOf('ua', '2026-12', 'en')).toContainEqual(
      expect.objectContaining({ date: '2026-12-25', name: 'Christmas Day', type: 'public' }),
    );
    expect((await publicOfYear(2027, 'en')).map(([date]) => date)).not.toContain('2027-01-07');
  });

  it('[18.4] approval deadlines skip the holidays, not 2 January or a substitute Monday', async () => {
    const isHoliday = await publicHolidaysAround('UA', '2027-01-15', -30);
    expect(isHoliday('2027-01-01')).toBe(true);
    expect(isHoliday('2027-01-04')).toBe(false);
    const may = await publicHolidaysAround('UA', '2027-05-20', -30);
    expect(['2027-05-03', '2027-05-04', '2027-05-10'].map(may)).toEqual([false, false, false]);
  });

  it('[18.4] Orthodox Easter agrees with date-holidays (where the library is right) for 2024–2045', () => {
    const hd = new Holidays('UA');
    for (let year = 2024; year <= 2045; year++) {
      const theirs = hd.getHolidays(year).find((h) => h.name === 'Великдень' && !h.substitute);
      expect(orthodoxEaster(year).toISOString().slice(0, 10), String(year)).toBe(theirs?.date.slice(0, 10));
    }
  });
});

describe('[18.4] martial law as a dated setting', () => {
  it('[18.4] substitute days off return for holidays after martial law ends, not before', () => {
    // Martial law ends on 1 March 2027: 8 March 2026 (a Sunday) gets no day off, 2027's weekend
    // holidays do (1 May and Easter on Saturday and Sunday: Monday 3 and Tuesday 4 May).
    const peace = ukraine({ since: '2022-02-24', until: '2027-03-01' });
    const substitutes = (year: number) =>
      peace
        .publicHolidays(year)
        .filter((h) => h.substitute)
        .map((h) => [h.date, h.names.uk]);
    expect(substitutes(2026)).toEqual([]);
    expect(substitutes(2027)).toEqual([
      ['2027-05-03', 'День праці (вихідний)'],
      ['2027-05-04', 'Великдень (вихідний)'],
      ['2027-05-10', 'День пам’яті та перемоги над нацизмом (вихідний)'],
      ['2027-06-21', 'Трійця (вихідний)'],
      ['2027-12-27', 'Різдво Христове (вихідний)'],
    ]);
    // 1 January 2028 is a Saturday: its day off is Monday 3 January.
    expect(substitutes(2028)[0]).toEqual(['2028-01-03', 'Новий рік (вихідний)']);
    // While it lasts (the setting as shipped), none.
    for (const year of [2026, 2027, 2028])
      expect(
        ukraine()
          .publicHolidays(year)
          .some((h) => h.substitute),
      ).toBe(false);
  });
});

describe('[18.4] notable days, apart from public holidays', () => {
  it('[18.4] 22 January is the Day of Unity, a notable day with uk and en names and its source', async () => {
    const uk = await holidaysOf('UA', '2027-01', 'uk');
    const en = await holidaysOf('UA', '2027-01', 'en');
    expect(uk).toContainEqual(
      expect.objectContaining({
        date: '2027-01-22',
        name: 'День Соборності України',
        type: 'observance',
        source: expect.stringContaining('№ 42/99'),
        url: 'https://zakon.rada.gov.ua/laws/show/42/99',
      }),
    );
    expect(en).toContainEqual(
      expect.objectContaining({ date: '2027-01-22', name: 'Day of Unity of Ukraine', type: 'observance' }),
    );
  });

  it('[18.4] every notable day has both names and a source; 15–30 of them; kept apart from public holidays', () => {
    const ua = ukraine();
    for (const year of [2026, 2027]) {
      const notable = ua.notableDays(year);
      expect(notable.length).toBeGreaterThanOrEqual(15);
      expect(notable.length).toBeLessThanOrEqual(30);
      for (const day of notable) {
        expect(day.kind).toBe('notable');
        expect(day.names.uk).toMatch(/\p{Script=Cyrillic}/u);
        expect(day.names.en).toMatch(/^[\x20-\x7e’]+$/);
        expect(day.source.length).toBeGreaterThan(5);
      }
      // A notable day may share a date with a holiday (Father's Day and Trinity in 2027), never a list.
      expect(ua.publicHolidays(year).every((h) => h.kind === 'public')).toBe(true);
    }
  });

  it('[18.4] movable days: Mother’s Day, Vyshyvanka Day, Holodomor Remembrance (a day of mourning), Black Friday', () => {
    const days = (year: number) =>
      new Map(
        ukraine()
          .notableDays(year)
          .map((d) => [d.names.en, d]),
      );
    const y2026 = days(2026);
    const y2027 = days(2027);
    expect(y2026.get('Mother’s Day')?.date).toBe('2026-05-10');
    expect(y2027.get('Mother’s Day')?.date).toBe('2027-05-09');
    expect(y2026.get('Vyshyvanka Day')?.date).toBe('2026-05-21');
    expect(y2027.get('Vyshyvanka Day')?.date).toBe('2027-05-20');
    expect(y2026.get('Holodomor Remembrance Day')).toMatchObject({ date: '2026-11-28', note: 'mourning' });
    expect(y2027.get('Holodomor Remembrance Day')?.date).toBe('2027-11-27');
    expect(y2026.get('Black Friday')?.date).toBe('2026-11-27');
    expect(y2027.get('Black Friday')?.date).toBe('2027-11-26');
  });
});
