import { AppError } from '../errors.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { publicHolidaysAround, workingDaysAfter } from '../planning/workingDays.ts';

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
  // A few working days never reach past a fortnight, whatever the holidays.
  const holidays = await publicHolidaysAround(client.country, today, 21);
  return workingDaysAfter(today, FOLLOW_UP_WORKING_DAYS, holidays);
}
