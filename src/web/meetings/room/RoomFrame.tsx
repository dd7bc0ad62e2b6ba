import { Box, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { Logo } from '../../components/Logo.tsx';
import classes from './room.module.css';

/** The room's frame before its data is there: loading, an error, a meeting that is not here. */
export function RoomFrame({ children }: { children: ReactNode }) {
  return (
    <div className={classes.page}>
      <Group component="header" className={classes.header} justify="space-between" px="md" py="xs">
        <Logo />
        <LanguageSwitcher compact />
      </Group>
      <Box component="main" id="main" p="md" w="100%" maw={1100} mx="auto">
        {children}
      </Box>
    </div>
  );
}
