import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatLocalDate } from '../lib/dates.ts';

/** "Overdue · was due <date>" for a cycle's current stage; `deadline` is a local YYYY-MM-DD. */
export function OverdueBadge({ deadline }: { deadline: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="red"
      variant="light"
      tt="none"
      // Ukrainian dates are long: let the badge wrap rather than cut the date off.
      h="auto"
      py={2}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
    >
      {deadline
        ? t('cycle.overdueSince', { date: formatLocalDate(deadline, currentLanguage()) })
        : t('cycle.overdue')}
    </Badge>
  );
}
