import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { notifyError } from '../../lib/errors.ts';

/** The server names body paths ("topic.title", "startsAt"); the forms name their inputs. */
const inputFor: Record<string, string> = {
  'topic.title': 'title',
  'topic.angle': 'angle',
  startsAt: 'date',
};

/**
 * Field messages under the inputs that show them; anything else (a refused activation, a post
 * that moved on, a closed month) as a notification with the server's reason.
 */
export function reportChangeError(
  error: unknown,
  t: TFunction,
  shown: readonly string[],
  setErrors: (errors: Record<string, string>) => void,
  /** What a refusal (409) means for this form: the server says it in English only. */
  conflict?: string,
): void {
  if (conflict && error instanceof ApiError && error.code === 'conflict') {
    setErrors({});
    notifications.show({ color: 'red', title: t('errors.title'), message: conflict });
    return;
  }
  const fields = error instanceof ApiError && error.code === 'validation_failed' ? error.fields : {};
  const mapped: Record<string, string> = {};
  let elsewhere = false;
  for (const [path, message] of Object.entries(fields)) {
    const input = inputFor[path] ?? path;
    if (shown.includes(input)) mapped[input] ??= message;
    else elsewhere = true;
  }
  setErrors(mapped);
  if (elsewhere || Object.keys(mapped).length === 0) notifyError(error, t);
}
