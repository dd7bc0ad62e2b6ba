import { Group, Text } from '@mantine/core';
import { IconConfetti } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';
import { type PostStatus, postStatuses } from '../../../shared/posts/statuses.ts';
import { StatusIcon, statusColor } from './postStatus.tsx';

/**
 * The month at a glance: how many posts in each status, and how many were approved with no
 * revisions (the promise of co-creation, counted where everyone sees it).
 */
export function PostCounts({ posts }: { posts: PostSummary[] }) {
  const { t } = useTranslation();
  if (posts.length === 0) return null;
  const counts = new Map<PostStatus, number>();
  for (const post of posts) counts.set(post.status, (counts.get(post.status) ?? 0) + 1);
  const firstRound = posts.filter((p) => p.approvedRound === 1).length;
  return (
    <Group gap="md" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <Text component="li" size="sm" fw={600}>
        {t('postReview.counts.total', { count: posts.length })}
      </Text>
      {postStatuses
        .filter((s) => counts.has(s))
        .map((status) => (
          <Group key={status} component="li" gap={4} wrap="nowrap" c={`${statusColor[status]}.8`}>
            <StatusIcon status={status} />
            <Text size="sm" c="var(--mantine-color-text)">
              {t(`postReview.status.${status}`)}: {counts.get(status)}
            </Text>
          </Group>
        ))}
      {firstRound > 0 && (
        <Group component="li" gap={4} wrap="nowrap" c="approve.9">
          <IconConfetti size={14} aria-hidden />
          <Text size="sm" c="var(--mantine-color-text)">
            {t('postReview.counts.firstRound', { count: firstRound })}
          </Text>
        </Group>
      )}
    </Group>
  );
}
