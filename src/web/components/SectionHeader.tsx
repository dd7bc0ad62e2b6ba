import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  description?: string;
  actions?: ReactNode;
  order?: 2 | 3;
  /** Lets a <section aria-labelledby> point at the heading. */
  id?: string;
}

/** A section's heading (h2 under the page's h1) with its actions. */
export function SectionHeader({ title, description, actions, order = 2, id }: Props) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm" wrap="wrap">
      <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
        <Title order={order} fz={order === 2 ? 'h3' : 'h4'} id={id}>
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {actions && (
        <Group gap="sm" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
