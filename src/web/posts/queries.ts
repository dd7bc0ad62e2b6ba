import { queryOptions } from '@tanstack/react-query';
import type { PostFull, PostList, UnplannedChange } from '../../shared/api/index.ts';
import { api } from '../api/client.ts';

export const postKeys = {
  list: (cycleId: string) => ['cycles', cycleId, 'posts'] as const,
  post: (postId: string) => ['posts', postId] as const,
  changes: (cycleId: string) => ['cycles', cycleId, 'changes'] as const,
  notificationSettings: ['me', 'notification-settings'] as const,
};

/** A cycle's posts (the agency also gets the slots still waiting for one). */
export const postListQuery = (cycleId: string) =>
  queryOptions({
    queryKey: postKeys.list(cycleId),
    queryFn: () => api.get<PostList>(`/api/cycles/${cycleId}/posts`),
  });

/** One post with everything its editor or reviewer shows. */
export const postQuery = (postId: string) =>
  queryOptions({
    queryKey: postKeys.post(postId),
    queryFn: () => api.get<PostFull>(`/api/posts/${postId}`),
  });

/** The month's unplanned changes, newest first. */
export const changeListQuery = (cycleId: string) =>
  queryOptions({
    queryKey: postKeys.changes(cycleId),
    queryFn: () => api.get<{ changes: UnplannedChange[] }>(`/api/cycles/${cycleId}/changes`),
    select: (data) => data.changes,
  });
