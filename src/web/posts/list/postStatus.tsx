import { Badge, type BadgeProps } from '@mantine/core';
import {
  IconCircleCheck,
  IconHourglassHigh,
  IconMessageExclamation,
  IconPencil,
  IconUsersGroup,
  IconWorldUpload,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostStatus } from '../../../shared/posts/statuses.ts';

/** One colour per status, everywhere posts show (list, calendar, review, history). */
export const statusColor: Record<PostStatus, string> = {
  draft: 'gray',
  internal_review: 'violet',
  client_review: 'blue',
  changes_requested: 'orange',
  approved: 'teal',
  published: 'green',
};

const statusIcon: Record<PostStatus, typeof IconPencil> = {
  draft: IconPencil,
  internal_review: IconUsersGroup,
  client_review: IconHourglassHigh,
  changes_requested: IconMessageExclamation,
  approved: IconCircleCheck,
  published: IconWorldUpload,
};

/** The status's icon: decorative, the status is always written next to it or in a label. */
export function StatusIcon({ status, size = 14 }: { status: PostStatus; size?: number }) {
  const Icon = statusIcon[status];
  return <Icon size={size} aria-hidden style={{ flex: 'none' }} />;
}

/** A status as a badge: colour, icon and words, so it never rests on colour alone. */
export function StatusBadge({ status, ...props }: { status: PostStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColor[status]}
      variant="light"
      tt="none"
      leftSection={<StatusIcon status={status} size={12} />}
      // The status is the point of the badge: never cut it to "In client re…".
      styles={{ label: { overflow: 'visible' } }}
      {...props}
    >
      {t(`postReview.status.${status}`)}
    </Badge>
  );
}
