import { holidaysOf } from './calendars/index.ts';

/**
 * Working days in a client's calendar: not a weekend, not a public holiday of the client's country
 * nor the day off one moves to (calendars/index.ts). The one rule for every deadline counted in
 * working days (an approval due before publishing, a follow-up's new due date). Ukraine's holidays
 * count as days off here even while martial law suspends them: calendars/ua.ts says why.
 */

const shift = (localDate: string, days: number) =>
  new Date(Date.parse(`${localDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isWeekend = (localDate: string) => {
  const day = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * The working day `n` working days before `localDate`. `n = 0` is the day itself, or the working
 * day before it when it is not one: a post due "on the day" of a Sunday publication is due on
 * Friday, when somebody is at work.
 */
export function workingDaysBefore(
  localDate: string,
  n: number,
  isHoliday: (date: string) => boolean,
): string {
  const working = (d: string) => !isWeekend(d) && !isHoliday(d);
  let day = localDate;
  while (!working(day)) day = shift(day, -1);
  for (let left = n; left > 0; ) {
    day = shift(day, -1);
    if (working(day)) left -= 1;
  }
  return day;
}

/** The working day `n` working days after `localDate`. */
export function workingDaysAfter(localDate: string, n: number, isHoliday: (date: string) => boolean): string {
  let day = localDate;
  for (let left = n; left > 0; ) {
    day = shift(day, 1);
    if (!isWeekend(day) && !isHoliday(day)) left -= 1;
  }
  return day;
}

/**
 * The client's public holidays within `days` calendar days of a date (before it when `days` is
 * negative), as a lookup. Every month the span touches is read (the calendar caches per month),
 * so a span across a short month, or a long lead, misses none.
 */
export async function publicHolidaysAround(
  country: string,
  localDate: string,
  days: number,
): Promise<(date: string) => boolean> {
  const [from, to] = days < 0 ? [shift(localDate, days), localDate] : [localDate, shift(localDate, days)];
  const months = new Set<string>();
  for (let d = from; d <= to; d = shift(d, 1)) months.add(d.slice(0, 7));
  const holidays = new Set<string>();
  for (const month of months) {
    for (const h of await holidaysOf(country, month, 'en')) if (h.type === 'public') holidays.add(h.date);
  }
  return (d) => holidays.has(d);
}
