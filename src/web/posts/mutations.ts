import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf } from '../../shared/api/endpoint.ts';
import type { PostFull } from '../../shared/api/index.ts';
import { call } from '../api/client.ts';
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
  usePostMutation((slotId: string) => call(endpoints.createPost, { params: { cycleId }, body: { slotId } }));

export const useUpdatePost = (postId: string) =>
  usePostMutation(
    (body: BodyOf<typeof endpoints.updatePost>) => call(endpoints.updatePost, { params: { postId }, body }),
    postId,
  );

export const useMovePost = (postId: string) =>
  usePostMutation(
    (body: BodyOf<typeof endpoints.movePost>) => call(endpoints.movePost, { params: { postId }, body }),
    postId,
  );

export const useAddComment = (postId: string) =>
  usePostMutation(
    (body: BodyOf<typeof endpoints.createPostComment>) =>
      call(endpoints.createPostComment, { params: { postId }, body }),
    postId,
  );

export const useResolveComment = (postId: string) =>
  usePostMutation(
    ({ commentId, resolved }: BodyOf<typeof endpoints.resolvePostComment> & { commentId: string }) =>
      call(endpoints.resolvePostComment, { params: { commentId }, body: { resolved } }),
    postId,
  );

export const useDeleteAsset = (postId: string) =>
  usePostMutation((assetId: string) => call(endpoints.deletePostAsset, { params: { assetId } }), postId);

/** Approve several posts at once; each one answers for itself (approved, outdated, …). */
export function useApprovePosts(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.approvePosts>) =>
      call(endpoints.approvePosts, { params: { cycleId }, body }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cycles', cycleId] }),
        // Whose move and the to-do follow the approvals.
        queryClient.invalidateQueries({ queryKey: ['clients'] }),
        queryClient.invalidateQueries({ queryKey: ['todo'] }),
      ]),
  });
}

const refreshMonth = (queryClient: QueryClient, cycleId: string) =>
  queryClient.invalidateQueries({ queryKey: ['cycles', cycleId] });

export function useLogChange(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.logUnplannedChange>) =>
      call(endpoints.logUnplannedChange, { params: { cycleId }, body }),
    onSettled: () => refreshMonth(queryClient, cycleId),
  });
}

export function useActivateContingency(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      contingencyId,
      ...body
    }: BodyOf<typeof endpoints.activateContingency> & { contingencyId: string }) =>
      call(endpoints.activateContingency, { params: { contingencyId }, body }),
    onSettled: () => refreshMonth(queryClient, cycleId),
  });
}
