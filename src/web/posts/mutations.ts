import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  approvePostsResult,
  CreateCommentBody,
  LogChangeBody,
  MovePostBody,
  PostFull,
  UnplannedChange,
} from '../../shared/api/index.ts';
import type { Format } from '../../shared/roles.ts';
import { api } from '../api/client.ts';
import { postKeys } from './queries.ts';

/**
 * Every post mutation answers with the whole post as the server sees it now: show that at
 * once, then refresh the cycle's list (its counts and statuses) behind it.
 */
function keep(queryClient: QueryClient, result: PostFull) {
  queryClient.setQueryData(postKeys.post(result.post.id), result);
  return queryClient.invalidateQueries({ queryKey: postKeys.list(result.post.cycleId) });
}
const usePostMutation = <Vars>(fn: (vars: Vars) => Promise<PostFull>, postId?: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => keep(queryClient, result),
    // A refused change (stale version, outdated revision) refetches: the newer post shows.
    onError: () => (postId ? queryClient.invalidateQueries({ queryKey: postKeys.post(postId) }) : undefined),
  });
};

export const useCreatePost = (cycleId: string) =>
  usePostMutation((slotId: string) => api.post<PostFull>(`/api/cycles/${cycleId}/posts`, { slotId }));

export interface PostFieldsInput {
  version: number;
  visualBrief?: string;
  hashtags?: string[];
  link?: string;
  firstComment?: string;
  publishAt?: string;
}
export const useUpdatePost = (postId: string) =>
  usePostMutation((body: PostFieldsInput) => api.patch<PostFull>(`/api/posts/${postId}`, body), postId);

export const useMovePost = (postId: string) =>
  usePostMutation((body: MovePostBody) => api.post<PostFull>(`/api/posts/${postId}/status`, body), postId);

export const useAddComment = (postId: string) =>
  usePostMutation(
    (body: CreateCommentBody) => api.post<PostFull>(`/api/posts/${postId}/comments`, body),
    postId,
  );

export const useResolveComment = (postId: string) =>
  usePostMutation(
    ({ commentId, resolved }: { commentId: string; resolved: boolean }) =>
      api.patch<PostFull>(`/api/post-comments/${commentId}`, { resolved }),
    postId,
  );

export const useDeleteAsset = (postId: string) =>
  usePostMutation((assetId: string) => api.delete<PostFull>(`/api/post-assets/${assetId}`), postId);

/** Approve several posts at once; each one answers for itself (approved, outdated, …). */
export function useApprovePosts(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (posts: Array<{ postId: string; revision: number }>) =>
      api.post<z.infer<typeof approvePostsResult>>(`/api/cycles/${cycleId}/posts/approve`, { posts }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['cycles', cycleId] }),
  });
}

const refreshMonth = (queryClient: QueryClient, cycleId: string) =>
  queryClient.invalidateQueries({ queryKey: ['cycles', cycleId] });

export function useLogChange(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LogChangeBody) =>
      api.post<{ change: UnplannedChange; postId: string | null }>(`/api/cycles/${cycleId}/changes`, body),
    onSettled: () => refreshMonth(queryClient, cycleId),
  });
}

export interface ActivateContingencyInput {
  contingencyId: string;
  startsAt: string;
  channelId: string | null;
  format: Format | null;
  urgency: LogChangeBody['urgency'];
  requesterSide: LogChangeBody['requesterSide'];
  requesterName: string;
  reason: string;
}
export function useActivateContingency(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contingencyId, ...body }: ActivateContingencyInput) =>
      api.post<{ change: UnplannedChange; postId: string | null }>(
        `/api/contingencies/${contingencyId}/activate`,
        body,
      ),
    onSettled: () => refreshMonth(queryClient, cycleId),
  });
}
