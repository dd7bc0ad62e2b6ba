import { AppError } from '../errors.ts';
import { todayIn } from '../planning/cycleRules.ts';

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
