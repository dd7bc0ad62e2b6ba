import { daysOfMonth } from '../../shared/time.ts';
import type { Language } from '../i18n/index.ts';

const intlLocale: Record<Language, string> = { uk: 'uk-UA', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

/** Plan dates are already the client's local dates: format them as they are, in UTC. */
function local(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlLocale[language], { ...options, timeZone: 'UTC' });
    cache.set(key, found);
  }
  return found;
}

const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** "December 2026", "Грудень 2026 р." */
export function formatMonth(month: string, language: Language): string {
  return capitalise(local(language, { month: 'long', year: 'numeric' }).format(asUtc(`${month}-01`)));
}

/** The month inside a sentence: Ukrainian month names are lower case there ("на грудень 2026 р."). */
export function formatMonthInText(month: string, language: Language): string {
  const text = local(language, { month: 'long', year: 'numeric' }).format(asUtc(`${month}-01`));
  return language === 'uk' ? text : capitalise(text);
}

/** "5 Dec 2026" for a local YYYY-MM-DD. */
export function formatLocalDate(date: string, language: Language): string {
  return local(language, { dateStyle: 'medium' }).format(asUtc(date));
}

/** "Fri 5 Dec": a day inside a plan, where the year is obvious. */
export function formatDayShort(date: string, language: Language): string {
  return local(language, { weekday: 'short', day: 'numeric', month: 'short' }).format(asUtc(date));
}

/** "Friday, 5 December": the full name, for screen readers and headings. */
export function formatDayLong(date: string, language: Language): string {
  return local(language, { weekday: 'long', day: 'numeric', month: 'long' }).format(asUtc(date));
}

/** "12 December", "12 грудня": a day inside a sentence ("due by 12 December"). */
export function formatDayInText(date: string, language: Language): string {
  return local(language, { day: 'numeric', month: 'long' }).format(asUtc(date));
}

/** Short weekday names Monday first: ISO weekday 1 … 7. */
export function weekdayNames(language: Language, style: 'short' | 'long' = 'short'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    local(language, { weekday: style }).format(asUtc(`2024-01-0${i + 1}`)),
  );
}

/** ISO weekday of a local date, 1 = Monday. */
export function isoWeekday(date: string): number {
  return ((asUtc(date).getUTCDay() + 6) % 7) + 1;
}

/** The month as weeks starting on Monday; days outside the month are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const days = daysOfMonth(month);
  const cells: (string | null)[] = [...Array<null>(isoWeekday(days[0]!) - 1).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** Whole days since an instant, for "in the reserve for 40 days". */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

/** "12 Dec", "12 груд.": a due date close enough that its year goes without saying. */
export function formatDayMonth(date: string, language: Language): string {
  return local(language, { day: 'numeric', month: 'short' }).format(asUtc(date));
}
