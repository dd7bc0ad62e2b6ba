import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.ts';

interface Props {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** A failed load: what went wrong and a way to try again. */
export function ErrorState({ error, onRetry, title }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('errors.loadFailed')}
      icon={<IconAlertTriangle />}
      role="alert"
    >
      {errorMessage(error, t)}
      {onRetry && (
        <Button
          mt="sm"
          display="block"
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} />}
          onClick={onRetry}
        >
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
