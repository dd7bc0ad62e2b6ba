import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from './connection.ts';

const NOTICE_ID = 'plit-updated';

function OutdatedMessage() {
  const { t } = useTranslation();
  return (
    <Stack gap={6} align="flex-start">
      <Text size="sm">{t('live.updated')}</Text>
      <Button size="xs" onClick={() => window.location.reload()}>
        {t('live.reload')}
      </Button>
    </Stack>
  );
}

/**
 * Once the server says this page speaks an older live protocol, a notice that stays until the
 * page is reloaded: the page no longer hears changes, so it must not look current. Shown once,
 * however many screens watch (the id makes a second `show` a no-op). Returns the unsubscribe.
 */
export function noticeWhenOutdated(connection: Pick<LiveConnection, 'getStatus' | 'onStatus'>): () => void {
  const check = () => {
    if (connection.getStatus() !== 'outdated') return;
    notifications.show({
      id: NOTICE_ID,
      color: 'blue',
      autoClose: false,
      withCloseButton: false,
      message: <OutdatedMessage />,
    });
  };
  check();
  return connection.onStatus(check);
}
