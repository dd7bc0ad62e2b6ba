import { Button, Group, Loader, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.ts';
import type { usePostFields } from './usePostFields.ts';

/** "Saving…", "Saved", or why not with a way to try again: heard by screen readers as it changes. */
export function SaveStateText({ fields }: { fields: ReturnType<typeof usePostFields> }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      {fields.saveState === 'saving' && (
        <Group gap={6} wrap="nowrap">
          <Loader size={12} aria-hidden />
          <Text size="xs" c="dimmed">
            {t('postEditor.fields.saving')}
          </Text>
        </Group>
      )}
      {fields.saveState === 'saved' && (
        <Group gap={4} wrap="nowrap" c="approve.9">
          <IconCheck size={14} aria-hidden />
          <Text size="xs">{t('postEditor.fields.saved')}</Text>
        </Group>
      )}
      {fields.saveState === 'failed' && (
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="red.8">
            {fields.failure ? errorMessage(fields.failure, t) : t('postEditor.fields.notSaved')}
          </Text>
          {Boolean(fields.failure) && (
            <Button size="compact-xs" variant="light" onClick={() => void fields.flush()}>
              {t('common.retry')}
            </Button>
          )}
        </Group>
      )}
    </div>
  );
}
