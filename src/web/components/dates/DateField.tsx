import '@mantine/dates/styles.css';
import 'dayjs/locale/uk';
import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../i18n/index.ts';

/**
 * How a date field shows its date, by the interface's language and never the browser's (a
 * native date input follows the browser: mm/dd/yyyy in a Ukrainian interface on an English
 * browser). Ukrainian: 25.12.2026; English: 25 Dec 2026, the day first as everywhere in Plit.
 */
const dateFieldFormat: Record<Language, string> = { uk: 'DD.MM.YYYY', en: 'D MMM YYYY' };

const monthsEn = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date as typed ("25.12.2026", "25/12/2026", "25 Dec 2026", "2026-12-25") to YYYY-MM-DD, or null. */
function parseTypedDate(text: string): string | null {
  const typed = text.trim().toLowerCase();
  let parts: [string, string, string] | null = null;
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  const named = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(typed);
  if (dayFirst) parts = [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!];
  else if (iso) parts = [iso[1]!, iso[2]!, iso[3]!];
  else if (named && monthsEn.includes(named[2]!))
    parts = [named[3]!, String(monthsEn.indexOf(named[2]!) + 1), named[1]!];
  if (!parts) return null;
  const value = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  // "31.02.2026" is not a day: a date that does not survive the round trip is refused.
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/**
 * A local date (YYYY-MM-DD, a day on the client's calendar, no time zone to shift it), picked
 * from a calendar in the interface's language or typed. Takes the place of `<input type=date>`.
 */
export function DateField(props: {
  label: ReactNode;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  minDate?: string | undefined;
  maxDate?: string | undefined;
  error?: ReactNode;
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  clearable?: boolean;
  autoFocus?: boolean;
  leftSection?: ReactNode;
  maw?: number | string | Record<string, number | string>;
  'aria-describedby'?: string | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DateInput
      label={props.label}
      description={props.description}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? '')}
      onBlur={props.onBlur}
      minDate={props.minDate}
      maxDate={props.maxDate}
      locale={language}
      firstDayOfWeek={1}
      valueFormat={dateFieldFormat[language]}
      dateParser={(text) => parseTypedDate(text)}
      placeholder={t('dates.datePlaceholder')}
      leftSection={props.leftSection ?? <IconCalendar size={16} aria-hidden />}
      error={props.error}
      required={props.required}
      readOnly={props.readOnly}
      disabled={props.disabled}
      clearable={props.clearable}
      data-autofocus={props.autoFocus || undefined}
      aria-describedby={props['aria-describedby']}
      maw={props.maw}
      popoverProps={{ withinPortal: true }}
    />
  );
}
