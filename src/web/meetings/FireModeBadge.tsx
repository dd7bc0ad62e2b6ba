import { Badge, Tooltip } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cycleMeetingQuery } from './queries.ts';

/** The cycle's plan is agreed in writing instead of at a meeting: the exception, so it shows. */
export function FireModeBadge({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const meeting = useQuery(cycleMeetingQuery(cycleId));
  if (meeting.data?.format !== 'async') return null;
  return (
    <Tooltip label={t('meetingSetup.fireBadgeHint')}>
      <Badge color="orange" variant="light" tt="none" leftSection={<IconFlame size={12} aria-hidden />}>
        {t('meetingSetup.fireBadge')}
      </Badge>
    </Tooltip>
  );
}
