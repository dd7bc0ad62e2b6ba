import '@mantine/dates/styles.css';
import { TimePicker } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A local time (HH:MM) in 24 hours, in both languages and whatever the browser's language
 * (a native time input follows the browser: AM/PM in a Ukrainian interface on an English
 * browser). Plit shows every time as 24 hours (the schedule, the deck, emails), so the field
 * does too. Takes the place of `<input type=time>`.
 */
export function TimeField(props: {
  label: ReactNode;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  inputWrapperOrder?: Array<'label' | 'input' | 'description' | 'error'>;
  'aria-describedby'?: string | undefined;
}) {
  const { t } = useTranslation();
  const described = props['aria-describedby'];
  return (
    <TimePicker
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={props.onChange}
      onBlur={() => props.onBlur?.()}
      format="24h"
      withDropdown
      hoursInputLabel={t('dates.hours')}
      minutesInputLabel={t('dates.minutes')}
      hoursInputProps={{
        ...(props.autoFocus ? { 'data-autofocus': true } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      }}
      error={props.error}
      required={props.required}
      readOnly={props.readOnly}
      disabled={props.disabled}
      inputWrapperOrder={props.inputWrapperOrder}
      popoverProps={{ withinPortal: true }}
    />
  );
}
