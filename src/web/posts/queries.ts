import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import { call } from '../api/client.ts';

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
    queryFn: () => call(endpoints.listPosts, { params: { cycleId } }),
  });

/** One post with everything its editor or reviewer shows. */
export const postQuery = (postId: string) =>
  queryOptions({
    queryKey: postKeys.post(postId),
    queryFn: () => call(endpoints.getPost, { params: { postId } }),
  });

/** The month's unplanned changes, newest first. */
export const changeListQuery = (cycleId: string) =>
  queryOptions({
    queryKey: postKeys.changes(cycleId),
    queryFn: () => call(endpoints.listUnplannedChanges, { params: { cycleId } }),
    select: (data) => data.changes,
  });
