/**
 * A country's calendar as Plit plans around it: its public holidays (by law, with the substitute
 * days off its law gives) and, apart from them, the notable days agencies plan posts around.
 * Ukraine is the first; another country is one more module listed in index.ts.
 */

export interface Names {
  uk: string;
  en: string;
}

export interface CalendarEntry {
  date: string; // YYYY-MM-DD
  names: Names;
  /**
   * 'public': a public holiday by law (or the day off it moves to); 'notable': a day agencies plan
   * around that is no day off.
   */
  kind: 'public' | 'notable';
  /** A day off moved from a holiday that fell on a weekend. */
  substitute?: boolean;
  /** The legal act (by name and number) or the page that establishes the day. */
  source: string;
  url?: string;
  /**
   * 'mourning': an official day of mourning, no promotional posts; 'remembrance': a day of
   * remembrance, a sober tone.
   */
  note?: 'mourning' | 'remembrance';
}

export interface CountryCalendar {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** Public holidays and substitute days off of a year, in date order. */
  publicHolidays(year: number): CalendarEntry[];
  /** Notable days of a year, in date order. */
  notableDays(year: number): CalendarEntry[];
  /** The acts the public holidays follow, for the reader who wants to check. */
  sources: Array<{ title: string; url: string }>;
}
