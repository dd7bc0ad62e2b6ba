import { Badge, Loader } from '@mantine/core';
import { IconCheck, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CollabStatus } from '../../../collab/useCollabConnection.ts';

/**
 * Quiet green when the copy is saved for everyone; says so when typing waits to be merged.
 * Always rendered, so screen readers hear the change when the text does.
 */
export function CopyStatusBadge({ status, unsaved }: { status: CollabStatus; unsaved: boolean }) {
  const { t } = useTranslation();
  return (
    <span role="status">
      {status === 'connected' &&
        (unsaved ? (
          <Badge color="gray" variant="light" tt="none" leftSection={<Loader size={10} aria-hidden />}>
            {t('postEditor.copy.saving')}
          </Badge>
        ) : (
          <Badge color="teal" variant="light" tt="none" leftSection={<IconCheck size={12} aria-hidden />}>
            {t('postEditor.copy.saved')}
          </Badge>
        ))}
      {(status === 'connecting' || status === 'reconnecting') && (
        <Badge
          color="orange"
          variant="light"
          tt="none"
          leftSection={<Loader size={10} color="orange" aria-hidden />}
        >
          {t(status === 'connecting' ? 'postEditor.copy.connecting' : 'postEditor.copy.reconnecting')}
        </Badge>
      )}
      {status === 'offline' && (
        <Badge color="red" variant="light" tt="none" leftSection={<IconWifiOff size={12} aria-hidden />}>
          {t('postEditor.copy.offline')}
        </Badge>
      )}
    </span>
  );
}
