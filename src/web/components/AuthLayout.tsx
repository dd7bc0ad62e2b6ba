import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Logo } from './Logo.tsx';

interface Props {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The frame of every screen before sign-in: logo, language, one card. */
export function AuthLayout({ title, description, children, footer }: Props) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group component="header" justify="space-between" p="md">
        <Logo />
        <LanguageSwitcher />
      </Group>
      <Center component="main" px="md" pb="xl">
        <Stack w="100%" maw={440} gap="md">
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
            <Title order={1} fz="h2" mb={description ? 'xs' : 'lg'} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {description && (
              <Text c="dimmed" mb="lg" style={{ overflowWrap: 'anywhere' }}>
                {description}
              </Text>
            )}
            {children}
          </Paper>
          {footer}
          <Text size="xs" c="dimmed" ta="center">
            {t('app.tagline')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
