import { localParts } from '../../shared/time.ts';
import { publicHolidaysAround, workingDaysBefore } from '../planning/workingDays.ts';

/**
 * The client's public holidays a lead can reach back into from a publish day: the lead is at
 * most 20 working days, so twice that many calendar days covers any run of weekends and holidays.
 */
export const publicHolidaysNear = (country: string, localDate: string) =>
  publicHolidaysAround(country, localDate, -60);

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
