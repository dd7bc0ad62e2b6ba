import { Box, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<T> {
  items: T[];
  keyOf: (item: T) => string;
  children: (item: T) => ReactNode;
}

/** A table's rows on a phone: a list of cards, one under the other, divided by a line. */
export function CardList<T>({ items, keyOf, children }: Props<T>) {
  return (
    <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item, i) => (
        <Box
          component="li"
          key={keyOf(item)}
          p="md"
          style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
        >
          {children(item)}
        </Box>
      ))}
    </Stack>
  );
}
