import { Button, Center, Stack } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { ErrorState } from './ErrorState.tsx';

/** A screen that could not load at all (server unreachable, a bug). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  usePageTitle(t('errors.loadFailed'));
  return (
    <Center component="main" mih="60vh" p="md">
      <Stack maw={480} w="100%">
        <ErrorState
          error={error}
          onRetry={() => {
            reset();
            void router.invalidate();
          }}
        />
        <Button variant="subtle" onClick={() => void router.navigate({ to: '/' })}>
          {t('common.goHome')}
        </Button>
      </Stack>
    </Center>
  );
}
