import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatDayInText } from '../lib/dates.ts';

/**
 * By when the client should approve a post waiting for them, and "at risk" once that day has
 * passed: in the plan, the post lists and on the post. Nothing for a post not in their review.
 * Words and an icon, never colour alone.
 */
export function ApprovalDueBadge({
  approvalDue,
  atRisk,
  ...props
}: { approvalDue: string | null; atRisk: boolean } & BadgeProps) {
  const { t } = useTranslation();
  if (!approvalDue) return null;
  const day = formatDayInText(approvalDue, currentLanguage());
  return (
    <Badge
      color={atRisk ? 'red' : 'gray'}
      variant={atRisk ? 'filled' : 'outline'}
      tt="none"
      leftSection={
        atRisk ? <IconAlertTriangle size={12} aria-hidden /> : <IconCalendarDue size={12} aria-hidden />
      }
      styles={{ label: { overflow: 'visible' } }}
      {...props}
    >
      {atRisk ? t('approvalDue.atRisk', { day }) : t('approvalDue.dueBy', { day })}
    </Badge>
  );
}
