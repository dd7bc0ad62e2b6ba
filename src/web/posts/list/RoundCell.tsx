import { Badge, Group, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';

/**
 * The revision round, with "no revisions" when it was approved in the first one: in the
 * approve colour, which (unlike Mantine's teal) reads on the table's striped rows.
 */
export function RoundCell({ post }: { post: PostSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t('postReview.list.roundN', { round: post.round })}
      </Text>
      {post.approvedRound === 1 && (
        <Badge size="xs" color="approve" variant="outline" tt="none">
          {t('postReview.list.noRevisions')}
        </Badge>
      )}
    </Group>
  );
}

/** Open comments: the number with its words for screen readers. */
export function CommentsCell({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) {
    return (
      <Text size="sm" c="dimmed">
        <span aria-hidden>—</span>
        <span className="visually-hidden">{t('postReview.list.openComments', { count })}</span>
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" title={t('postReview.list.openComments', { count })}>
      <IconMessage size={16} aria-hidden />
      <Text size="sm" fw={600}>
        <span aria-hidden>{count}</span>
        <span className="visually-hidden">{t('postReview.list.openComments', { count })}</span>
      </Text>
    </Group>
  );
}
