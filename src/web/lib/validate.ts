import type { TFunction } from 'i18next';

type Rule = (value: string, t: TFunction) => string | null;

export const required: Rule = (value, t) => (value.trim() ? null : t('validation.required'));

export const email: Rule = (value, t) =>
  !value.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('validation.email');

export const password: Rule = (value, t) =>
  value.length >= 10 ? null : t('validation.passwordLength', { count: 10 });

export const maxLength =
  (max: number): Rule =>
  (value, t) =>
    value.trim().length <= max ? null : t('validation.maxLength', { count: max });

export const color: Rule = (value, t) => (/^#[0-9a-fA-F]{6}$/.test(value) ? null : t('validation.color'));

/** Runs the rules per field; the first failing rule gives the field's message. */
export function validate<F extends string>(
  values: Record<F, string>,
  rules: Partial<Record<F, Rule[]>>,
  t: TFunction,
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const field of Object.keys(rules) as F[]) {
    for (const rule of rules[field] ?? []) {
      const message = rule(values[field], t);
      if (message) {
        errors[field] = message;
        break;
      }
    }
  }
  return errors;
}

export const hasErrors = (errors: object): boolean => Object.keys(errors).length > 0;
