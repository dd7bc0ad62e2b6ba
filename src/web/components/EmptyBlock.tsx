import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  icon: ReactNode;
  title: string;
  description?: string;
  action?: ReactNode;
  /** Heading level that fits the place the empty state sits in. */
  order?: 1 | 2 | 3 | 4;
}

/** A friendly "nothing here yet" with the action that fills it. */
export function EmptyBlock({ icon, title, description, action, order = 2 }: Props) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState icon={icon} variant="light">
        <EmptyState.Title order={order}>{title}</EmptyState.Title>
        {description && <EmptyState.Description>{description}</EmptyState.Description>}
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
