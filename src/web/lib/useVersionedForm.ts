import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion, reportFormError } from './errors.ts';
import { hasErrors } from './validate.ts';

type FieldErrors = Record<string, string>;

/**
 * Submit handling for a form that edits a versioned thing (channel, rubric, client).
 * A 409 stale_version keeps what the person typed and marks the form stale, so it can
 * show the newer saved value and offer to save again; other failures go under the
 * fields the form shows, or into a notification.
 */
export function useVersionedForm(shownFields: readonly string[]) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [stale, setStale] = useState(false);

  /** A submit handler: shows what `check` finds, and saves only when it finds nothing. */
  const handleSubmit = (check: () => FieldErrors, save: () => void) => (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (hasErrors(found)) return;
    setStale(false);
    save();
  };

  const onError = (error: unknown) => {
    if (isStaleVersion(error)) setStale(true);
    else reportFormError(error, t, shownFields, setErrors);
  };

  return { errors, stale, handleSubmit, onError };
}
