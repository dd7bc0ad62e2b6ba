import { Badge, Loader } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from './useLiveRooms.ts';

/** Quiet while live updates flow; says so when the screen may be behind. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  // The live region is always there, so screen readers hear it when it fills.
  return (
    <span role="status">
      {status === 'offline' && (
        <Badge color="red" variant="light" tt="none" leftSection={<IconWifiOff size={12} aria-hidden />}>
          {t('live.offline')}
        </Badge>
      )}
      {status === 'reconnecting' && (
        <Badge
          color="orange"
          variant="light"
          tt="none"
          leftSection={<Loader size={10} color="orange" aria-hidden />}
        >
          {t('live.reconnecting')}
        </Badge>
      )}
    </span>
  );
}
