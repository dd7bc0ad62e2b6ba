import '@mantine/dates/styles.css';
import 'dayjs/locale/uk';
import { DateInput } from '@mantine/dates';
import { IconCalendarDue } from '@tabler/icons-react';
import { currentLanguage } from '../../i18n/index.ts';

/** "25.12.2026" (as the field shows it) or "2026-12-25" back to a local date; null if neither. */
function parseLocalDate(text: string): string | null {
  const typed = text.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(typed);
  const iso = dotted
    ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(typed)
      ? typed
      : null;
  if (!iso) return null;
  // "31.02.2026" is not a day: a date that does not survive the round trip is refused.
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/**
 * A local date of the client (YYYY-MM-DD, a day on their calendar, no time zone to shift it),
 * picked from a calendar in the reader's language or typed as 25.12.2026. `today` is today in
 * the client's zone: earlier days cannot be picked.
 */
export function DueDateInput(props: {
  label: string;
  description?: string;
  value: string;
  today: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const language = currentLanguage();
  return (
    <DateInput
      label={props.label}
      description={props.description}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? '')}
      minDate={props.today}
      locale={language}
      firstDayOfWeek={1}
      valueFormat="DD.MM.YYYY"
      dateParser={(text) => parseLocalDate(text)}
      placeholder={language === 'uk' ? 'дд.мм.рррр' : 'dd.mm.yyyy'}
      leftSection={<IconCalendarDue size={16} aria-hidden />}
      error={props.error}
      clearable
      popoverProps={{ withinPortal: true }}
      // The field is narrow (a date); its label and hint keep the form's width.
      styles={{ wrapper: { maxWidth: 260 } }}
    />
  );
}
