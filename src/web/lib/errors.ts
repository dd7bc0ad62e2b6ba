import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client.ts';
import { i18n } from '../i18n/index.ts';

/** A person-readable message: translated by error code when we know it, else the server's. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError) {
    const key = `errors.codes.${error.code}`;
    if (i18n.exists(key)) return t(key as 'errors.codes.internal');
    return error.message || t('errors.unknown');
  }
  return t('errors.unknown');
}

export function notifyError(error: unknown, t: TFunction): void {
  notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(error, t) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}

export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'stale_version';
}

/** Per-field messages from a validation answer; empty when the error is not about fields. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}

/**
 * Puts a failed submit where the person will see it: per-field messages under the inputs
 * the form shows, everything else as a notification.
 */
export function reportFormError(
  error: unknown,
  t: TFunction,
  shownFields: readonly string[],
  setErrors: (errors: Record<string, string>) => void,
): void {
  const fields = fieldErrors(error);
  const shown: Record<string, string> = {};
  let unshown = false;
  const code = error instanceof ApiError ? error.code : '';
  // Non-validation codes (email_taken…) have a translated message; prefer it to the server's.
  const translated = code !== 'validation_failed' && i18n.exists(`errors.codes.${code}`);
  for (const [field, message] of Object.entries(fields)) {
    if (shownFields.includes(field)) shown[field] = translated ? errorMessage(error, t) : message;
    else unshown = true;
  }
  setErrors(shown);
  if (unshown || Object.keys(shown).length === 0) notifyError(error, t);
}
