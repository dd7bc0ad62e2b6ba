import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth } from '../../lib/dates.ts';
import { ApprovalDueBadge } from '../ApprovalDueBadge.tsx';
import { StatusBadge } from '../list/postStatus.tsx';

/** The post's topic as the page's heading, the way back to the month, and its status. */
export function ReviewHeader({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = data.topic?.title ?? data.post.topicTitle ?? t('postReview.list.untitled');
  return (
    <Stack gap={6}>
      <Anchor
        size="sm"
        renderRoot={(props) => (
          <Link
            to="/cycles/$cycleId"
            params={{ cycleId: data.cycle.id }}
            search={{ tab: 'posts' }}
            {...props}
          />
        )}
      >
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: -2 }} />{' '}
        {t('postReview.review.back', {
          month: formatMonth(data.cycle.month, language),
          client: data.client.name,
        })}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere', flex: '1 1 16rem' }}>
          {title}
        </Title>
        <Group gap={6}>
          <StatusBadge status={data.post.status} size="lg" />
          <ApprovalDueBadge approvalDue={data.post.approvalDue} atRisk={data.post.atRisk} size="lg" />
          <Text size="sm" c="dimmed">
            {t('postReview.list.roundN', { round: data.post.round })}
          </Text>
        </Group>
      </Group>
      {data.topic?.angle && (
        <Text size="sm" c="dimmed" className="pre-wrap">
          {data.topic.angle}
        </Text>
      )}
    </Stack>
  );
}
