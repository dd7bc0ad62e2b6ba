import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { isStaleVersion, notifyError } from '../lib/errors.ts';

/**
 * A quick change (drag and drop, a menu action) met a newer version: the plan has been
 * refetched, so the screen shows what is saved now; one click applies the change again.
 */
export function reportQuickError(error: unknown, t: TFunction, reapply: () => void): void {
  if (!isStaleVersion(error)) {
    notifyError(error, t);
    return;
  }
  const id = `stale-${Date.now()}`;
  notifications.show({
    id,
    color: 'orange',
    title: t('stale.title'),
    autoClose: 12_000,
    message: (
      <Stack gap={6} align="flex-start">
        <Text size="sm">{t('plan.staleQuick')}</Text>
        <Button
          size="xs"
          variant="light"
          color="orange"
          onClick={() => {
            notifications.hide(id);
            reapply();
          }}
        >
          {t('plan.reapply')}
        </Button>
      </Stack>
    ),
  });
}
