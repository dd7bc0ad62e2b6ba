import { Alert, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Someone saved this thing while the form was open. The form keeps what the person typed;
 * the alert shows the newer saved value so they can decide and save again.
 */
export function StaleVersionAlert({ current }: { current: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" icon={<IconGitMerge />} title={t('stale.title')} role="alert">
      <Text size="sm">{t('stale.body')}</Text>
      <Text size="sm" mt={6} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {t('stale.current')} {current}
      </Text>
    </Alert>
  );
}
