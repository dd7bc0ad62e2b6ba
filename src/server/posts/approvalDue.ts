import { localParts } from '../../shared/time.ts';
import { holidaysOf } from '../planning/holidays.ts';

/** A new client's approval lead: a post sent for review is due this many working days before it goes out. */
export const DEFAULT_APPROVAL_LEAD_DAYS = 2;

const shift = (localDate: string, days: number) =>
  new Date(Date.parse(`${localDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const weekdayOf = (localDate: string) => ((new Date(`${localDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * The working day `n` working days before `localDate` (a weekend or a public holiday is not a
 * working day). `n = 0` is the day itself, or the working day before it when it is not one: a
 * post due "on the day" of a Sunday publication is due on Friday, when somebody is at work.
 */
export function workingDaysBefore(
  localDate: string,
  n: number,
  isHoliday: (date: string) => boolean,
): string {
  const working = (d: string) => weekdayOf(d) < 6 && !isHoliday(d);
  let day = localDate;
  while (!working(day)) day = shift(day, -1);
  for (let left = n; left > 0; ) {
    day = shift(day, -1);
    if (working(day)) left -= 1;
  }
  return day;
}

/**
 * The client's public holidays around a date, as a lookup: the months a lead of a few working
 * days can reach back into (the holiday calendar is read per month and cached by its module).
 */
export async function publicHolidaysNear(
  country: string,
  localDate: string,
): Promise<(d: string) => boolean> {
  const months = new Set([localDate.slice(0, 7), shift(localDate, -31).slice(0, 7)]);
  const days = new Set<string>();
  for (const month of months) {
    for (const h of await holidaysOf(country, month, 'en')) if (h.type === 'public') days.add(h.date);
  }
  return (d) => days.has(d);
}

/**
 * The local date by which the client should approve a post that goes out at `publishAt`:
 * `leadDays` working days before its publish day, in the client's time zone and calendar; but
 * never before the day the version was sent (`sentAt`): a post the agency sent after that date
 * is due the day it arrived, so the client is not told it is overdue, nor counted late in the
 * insights, for the agency's delay. The one rule for "due" on both sides (the client's to-do,
 * whose move, reminders, "at risk" in the plan, the insights).
 */
export async function approvalDueOn(
  publishAt: Date,
  leadDays: number,
  client: { timezone: string; country: string },
  sentAt?: Date | null,
): Promise<string> {
  const publishDay = localParts(publishAt, client.timezone).date;
  const due = workingDaysBefore(publishDay, leadDays, await publicHolidaysNear(client.country, publishDay));
  const sentDay = sentAt ? localParts(sentAt, client.timezone).date : null;
  return sentDay && sentDay > due ? sentDay : due;
}
