import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconFileText } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useMe } from '../../lib/useMe.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { postListQuery } from '../queries.ts';
import { PostCalendar } from './PostCalendar.tsx';
import { PostCounts } from './PostCounts.tsx';
import { PostTable } from './PostTable.tsx';
import { byPublishAt } from './postTime.ts';
import { ReviewLinks } from './ReviewLinks.tsx';
import { useLivePostList } from './useLivePostList.ts';
import { WaitingQueue } from './WaitingQueue.tsx';

type View = 'list' | 'calendar';

/**
 * Stage 4 for both sides: what waits for you on top (the client's review queue, the agency's
 * revisions and unwritten slots), then the month's posts as a list or a calendar.
 */
export function PostsTab() {
  const { t } = useTranslation();
  const { cycle, client } = usePlanData();
  const me = useMe();
  const list = useQuery(postListQuery(cycle.id));
  const [view, setView] = useLocalStorage<View>({ key: 'plit.postsView', defaultValue: 'list' });
  useLivePostList();

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <LoadingState rows={4} height={64} />;

  const isAgency = Boolean(me.agency);
  const approver = me.clientMemberships.some((m) => m.clientId === client.id && m.role === 'approver');
  const posts = [...list.data.posts].sort(byPublishAt);
  const timeZone = list.data.timezone;

  if (posts.length === 0 && list.data.unwritten.length === 0) {
    return (
      <EmptyBlock
        icon={<IconFileText />}
        title={t('postReview.list.emptyTitle')}
        description={isAgency ? t('postReview.list.emptyAgency') : t('postReview.list.emptyClient')}
      />
    );
  }

  return (
    <Stack gap="xl">
      <WaitingQueue
        posts={posts}
        unwritten={list.data.unwritten}
        timeZone={timeZone}
        isAgency={isAgency}
        approver={approver}
      />
      <ReviewLinks waiting={posts.some((p) => p.status === 'client_review')} />
      <Stack gap="md" component="section" aria-labelledby="all-posts-heading">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} size="h3" id="all-posts-heading">
            {t('postReview.list.allTitle')}
          </Title>
          <SegmentedControl
            aria-label={t('postReview.list.view')}
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'list', label: t('postReview.list.listView') },
              { value: 'calendar', label: t('postReview.list.calendarView') },
            ]}
          />
        </Group>
        <PostCounts posts={posts} />
        {view === 'calendar' ? (
          <PostCalendar posts={posts} timeZone={timeZone} />
        ) : (
          <PostTable posts={posts} timeZone={timeZone} isAgency={isAgency} />
        )}
      </Stack>
    </Stack>
  );
}
