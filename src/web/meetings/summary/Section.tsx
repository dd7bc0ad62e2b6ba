import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './summary.module.css';

/** One part of the summary under its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={id}
      className={classes.section}
    >
      <Title order={3} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
