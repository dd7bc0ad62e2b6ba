import { IconCalendarDue } from '@tabler/icons-react';
import { DateField } from '../../components/dates/DateField.tsx';

/**
 * A due date of the client (a day on their calendar), picked or typed as every date field of
 * Plit is (`DateField`). `today` is today in the client's zone: earlier days cannot be picked.
 */
export function DueDateInput(props: {
  label: string;
  description?: string;
  value: string;
  today: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <DateField
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={props.onChange}
      minDate={props.today}
      error={props.error}
      clearable
      leftSection={<IconCalendarDue size={16} aria-hidden />}
      // The field is narrow (a date); its label and hint keep the form's width.
      maw={260}
    />
  );
}
