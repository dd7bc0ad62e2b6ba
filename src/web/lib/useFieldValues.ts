import { type ChangeEvent, useState } from 'react';

/** A form's text values in one object, and `set(field)`: the change handler for that field's input. */
export function useFieldValues<Values extends Record<string, string>>(initial: Values) {
  const [values, setValues] = useState(initial);
  const set = (field: keyof Values) => (event: ChangeEvent<HTMLInputElement>) => {
    // Read now: the event's currentTarget is gone by the time the updater runs.
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  return [values, set, setValues] as const;
}
