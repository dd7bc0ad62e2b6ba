/**
 * Countries Plit has no calendar module of its own for: the `date-holidays` package's rules,
 * public holidays and observances. Right for the countries checked so far (DE, PL, US in the
 * tests); a country it gets wrong gets a module of its own (ua.ts) listed in index.ts.
 */
import type Holidays from 'date-holidays';
import type { Holiday } from './index.ts';

const kinds: Record<string, Holiday['type'] | undefined> = {
  public: 'public',
  bank: 'public',
  observance: 'observance',
  // 'optional' and 'school' days don't change what an audience is doing, so they stay out.
};

// Building a Holidays instance parses the country's rules; keep one per country and language.
const cache = new Map<string, Holidays | null>();

// The rules of every country are a large module: loaded on the first question, not at start-up.
let library: Promise<typeof Holidays> | null = null;

async function calendarOf(country: string, language: 'uk' | 'en'): Promise<Holidays | null> {
  const key = `${country.toUpperCase()}:${language}`;
  if (!cache.has(key)) {
    library ??= import('date-holidays').then((m) => m.default);
    const hd = new (await library)();
    // init() answers false for a country it doesn't know rather than throwing.
    const known = /^[A-Za-z]{2}$/.test(country) && hd.init(country.toUpperCase(), { languages: [language] });
    cache.set(key, known ? hd : null);
  }
  return cache.get(key) ?? null;
}

export async function libraryDaysOf(
  country: string,
  month: string,
  language: 'uk' | 'en',
): Promise<Holiday[]> {
  const hd = await calendarOf(country, language);
  if (!hd) return [];
  const seen = new Set<string>();
  const result: Holiday[] = [];
  for (const h of hd.getHolidays(Number(month.slice(0, 4)), language)) {
    const type = kinds[h.type];
    const date = h.date.slice(0, 10);
    // A country's rules can list the same day twice (e.g. a holiday and its substitute rule).
    if (!type || !date.startsWith(month) || seen.has(`${date}${h.name}`)) continue;
    seen.add(`${date}${h.name}`);
    result.push({ date, name: h.name, type });
  }
  return result;
}
