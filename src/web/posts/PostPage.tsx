import { Button } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { useMe } from '../lib/useMe.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { PostEditor } from './editor/PostEditor.tsx';
import { useLivePost } from './editor/useLivePost.ts';
import { postQuery } from './queries.ts';
import { PostReview } from './review/PostReview.tsx';

const route = getRouteApi('/_app/posts/$postId');

/** One post: the agency writes it here; the client reviews the version sent to them. */
export function PostPage() {
  const { t } = useTranslation();
  const { postId } = route.useParams();
  const me = useMe();
  const post = useQuery(postQuery(postId));
  const data = post.data;
  useLivePost(data);
  usePageTitle(
    data
      ? `${data.topic?.title ?? data.post.topicTitle ?? t('postEditor.header.untitled')} · ${data.client.name}`
      : t('postEditor.pageTitle'),
  );

  if (post.isError) {
    if (post.error instanceof ApiError && post.error.status === 404) {
      return (
        <EmptyBlock
          order={1}
          icon={<IconMoodEmpty />}
          title={t('postEditor.notFound')}
          description={t('postEditor.notFoundHint')}
          action={<Button renderRoot={(props) => <Link to="/" {...props} />}>{t('common.goHome')}</Button>}
        />
      );
    }
    return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  }
  if (!data) return <LoadingState rows={4} height={96} />;
  // The agency's people write; the client's contacts review what was sent to them.
  return me.agency ? <PostEditor key={data.post.id} data={data} /> : <PostReview data={data} />;
}
