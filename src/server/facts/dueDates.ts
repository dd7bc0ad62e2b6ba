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
