import { type MantineColor, type MantineSize, Progress } from '@mantine/core';

interface Props {
  value: number;
  label: string;
  /** What a screen reader says instead of the bare percentage ("12 of 18 answered"). */
  valueText: string;
  color: MantineColor;
  size: MantineSize;
  maw?: number;
}

/** A progress bar whose role, name and spoken value sit on the same element. */
export function ProgressBar({ value, label, valueText, color, size, maw }: Props) {
  return (
    <Progress.Root size={size} radius="xl" maw={maw}>
      <Progress.Section value={value} color={color} aria-label={label} aria-valuetext={valueText} />
    </Progress.Root>
  );
}
