import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ApprovalDueBadge } from '../ApprovalDueBadge.tsx';
import { ChannelCell } from './ChannelCell.tsx';
import { PostLink } from './PostLink.tsx';
import { StatusBadge } from './postStatus.tsx';
import { publishLabel } from './postTime.ts';
import { CommentsCell, RoundCell } from './RoundCell.tsx';

interface Props {
  posts: PostSummary[];
  timeZone: string;
  isAgency: boolean;
}

/** The month's posts in publishing order: a table on wide screens, cards on a phone. */
export function PostTable({ posts, timeZone, isAgency }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  if (posts.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('postReview.list.noneWritten')}
      </Text>
    );
  }
  if (narrow) {
    return (
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard post={post} timeZone={timeZone} isAgency={isAgency} />
          </li>
        ))}
      </Stack>
    );
  }
  const language = currentLanguage();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('postReview.list.columns.when')}</Table.Th>
            <Table.Th>{t('postReview.list.columns.channel')}</Table.Th>
            <Table.Th>{t('postReview.list.columns.topic')}</Table.Th>
            <Table.Th>{t('postReview.list.columns.status')}</Table.Th>
            <Table.Th>{t('postReview.list.columns.round')}</Table.Th>
            <Table.Th>{t('postReview.list.columns.comments')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {posts.map((post) => (
            <Table.Tr key={post.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{publishLabel(post.publishAt, timeZone, language)}</Text>
              </Table.Td>
              <Table.Td>
                <ChannelCell network={post.network} label={post.channelLabel} format={post.format} />
              </Table.Td>
              <Table.Td>
                <PostLink postId={post.id} title={post.topicTitle} size="sm" fw={600} />
              </Table.Td>
              <Table.Td>
                <StatusLine post={post} isAgency={isAgency} />
              </Table.Td>
              <Table.Td>
                <RoundCell post={post} />
              </Table.Td>
              <Table.Td>
                <CommentsCell count={post.openComments} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The status, and for the agency whether the copy moved on since the client approved it. */
function StatusLine({ post, isAgency }: { post: PostSummary; isAgency: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <StatusBadge status={post.status} />
      <ApprovalDueBadge approvalDue={post.approvalDue} atRisk={post.atRisk} size="sm" />
      {isAgency && post.editedAfterApproval && (
        <Badge size="sm" color="red" variant="outline" tt="none">
          {t('postReview.list.editedAfterApproval')}
        </Badge>
      )}
    </Group>
  );
}

/** One post on a phone: the whole card opens it through the topic's link. */
function PostCard({ post, timeZone, isAgency }: { post: PostSummary; timeZone: string; isAgency: boolean }) {
  const language = currentLanguage();
  return (
    <Paper withBorder radius="md" p="sm" className="card-with-link">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {publishLabel(post.publishAt, timeZone, language)}
          </Text>
          <StatusLine post={post} isAgency={isAgency} />
        </Group>
        <PostLink postId={post.id} title={post.topicTitle} stretched fw={600} />
        <ChannelCell network={post.network} label={post.channelLabel} format={post.format} />
        <Group gap="md" wrap="wrap">
          <RoundCell post={post} />
          <CommentsCell count={post.openComments} />
        </Group>
      </Stack>
    </Paper>
  );
}
