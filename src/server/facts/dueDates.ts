import { AppError } from '../errors.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { holidaysOf } from '../planning/holidays.ts';

/** A due date is a promise about the future: one already past in the client's time zone is refused. */
export function checkDueOn(client: { timezone: string }, dueOn: string | null | undefined) {
  if (dueOn && dueOn < todayIn(client.timezone)) {
    throw new AppError('validation_failed', {
      fields: { dueOn: `The due date ${dueOn} is in the past; choose today or a later day.` },
    });
  }
}

/**
 * When an item is added without a due date: the cycle's facts deadline, or today when that
 * has passed already (an item is never born overdue).
 */
export function defaultDueOn({
  cycle,
  client,
}: {
  cycle: { deadlines: { facts?: string } };
  client: { timezone: string };
}) {
  const today = todayIn(client.timezone);
  const deadline = cycle.deadlines.facts;
  if (!deadline) return null;
  // biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, compared as text
  return deadline < today ? today : deadline;
}

/** How long a follow-up on an item already past its due date gives the client, in working days. */
export const FOLLOW_UP_WORKING_DAYS = 3;

const nextDay = (localDate: string) =>
  new Date(Date.parse(`${localDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The working day `n` working days after `localDate` (weekends and public holidays skipped). */
export function workingDaysAfter(localDate: string, n: number, isHoliday: (date: string) => boolean): string {
  let day = localDate;
  for (let left = n; left > 0; ) {
    day = nextDay(day);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isHoliday(day)) left -= 1;
  }
  return day;
}

/**
 * The due date an item gets with a follow-up. A date the agency gives must not be past; with
 * none, an item whose due date has passed gets a few working days from today in the client's
 * calendar (asked again, it would otherwise be overdue at once and reminded of the next
 * morning); any other item keeps its date. Undefined: the date does not change.
 */
export async function followUpDueOn(
  client: { timezone: string; country: string },
  item: { dueOn: string | null },
  given: string | undefined,
): Promise<string | undefined> {
  if (given !== undefined) {
    checkDueOn(client, given);
    return given === item.dueOn ? undefined : given;
  }
  const today = todayIn(client.timezone);
  if (item.dueOn === null || item.dueOn >= today) return undefined;
  // This month and the next: a few working days never reach further.
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months = [today.slice(0, 7), new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7)];
  const holidays = new Set<string>();
  for (const m of months) {
    for (const h of await holidaysOf(client.country, m, 'en')) if (h.type === 'public') holidays.add(h.date);
  }
  return workingDaysAfter(today, FOLLOW_UP_WORKING_DAYS, (d) => holidays.has(d));
}
