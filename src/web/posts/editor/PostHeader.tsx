import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth } from '../../lib/dates.ts';
import { ApprovalDueBadge } from '../ApprovalDueBadge.tsx';
import { formatPublishAt } from './labels.ts';

/** The way back to the month's posts, the post's name, and where and when it goes out. */
export function PostHeader({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { post, client, cycle, topic } = data;
  return (
    <Stack gap={6}>
      <Anchor
        size="sm"
        w="fit-content"
        renderRoot={(props) => (
          <Link to="/cycles/$cycleId" params={{ cycleId: cycle.id }} search={{ tab: 'posts' }} {...props} />
        )}
      >
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {t('postEditor.header.back', { client: client.name, month: formatMonth(cycle.month, language) })}
        </Group>
      </Anchor>
      <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
        {topic?.title ?? post.topicTitle ?? t('postEditor.header.untitled')}
      </Title>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color="indigo" tt="none">
          {t(`networks.${post.network}`)}
        </Badge>
        <Badge variant="light" color="gray" tt="none">
          {t(`formats.${post.format}`)}
        </Badge>
        <ApprovalDueBadge approvalDue={post.approvalDue} atRisk={post.atRisk} />
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('postEditor.header.where', {
            channel: post.channelLabel,
            when: formatPublishAt(post.publishAt, language, client.timezone),
          })}
        </Text>
      </Group>
    </Stack>
  );
}
