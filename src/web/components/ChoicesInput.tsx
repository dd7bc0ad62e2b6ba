import { TagsInput } from '@mantine/core';
import type { ReactNode } from 'react';

/** The choices of a "one of a few" question, within the server's limits (20, 200 characters each). */
export function ChoicesInput(props: {
  label: string;
  description: string;
  placeholder: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
}) {
  return <TagsInput {...props} maxTags={20} maxLength={200} required />;
}
