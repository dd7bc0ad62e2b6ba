import { Group, Text } from '@mantine/core';

/** Plit's mark: a raft (пліт) on the water. Decorative; the word carries the name. */
export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-indigo-8)" />
        <path
          d="M6 19h20M6 23h20M9 19V11l7-4 7 4v8"
          stroke="#fff"
          strokeWidth="2.4"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <Text fw={700} fz="lg">
        Plit
      </Text>
    </Group>
  );
}
