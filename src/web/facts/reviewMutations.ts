import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf, ResponseOf } from '../../shared/api/endpoint.ts';
import { call } from '../api/client.ts';
import { planKeys } from '../planning/queries.ts';
import { factKeys } from './queries.ts';

const refetch = (queryClient: QueryClient, cycleId: string) =>
  queryClient.invalidateQueries({ queryKey: factKeys.cycleRequest(cycleId) });

/**
 * A review answer carries the whole request as the server sees it now: show that at once,
 * then refetch anyway (a stale answer refetches too, so the newer answer shows).
 */
function keep(
  queryClient: QueryClient,
  cycleId: string,
  result?: ResponseOf<typeof endpoints.acceptFactAnswer>,
) {
  if (result) queryClient.setQueryData(factKeys.cycleRequest(cycleId), { request: result.request });
  return refetch(queryClient, cycleId);
}

export function useAddFactItem(cycleId: string, requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.createFactItem>) =>
      call(endpoints.createFactItem, { params: { requestId }, body }),
    onSettled: () => refetch(queryClient, cycleId),
  });
}

export function useUpdateFactItem(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof endpoints.updateFactItem> & { id: string }) =>
      call(endpoints.updateFactItem, { params: { itemId: id }, body }),
    onSettled: () => refetch(queryClient, cycleId),
  });
}

export function useDeleteFactItem(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(endpoints.deleteFactItem, { params: { itemId: id } }),
    onSettled: () => refetch(queryClient, cycleId),
  });
}

/** Sending hands the facts stage to the client: the plan's stage may change too. */
export function useSendFactRequest(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: BodyOf<typeof endpoints.sendFactRequest> & { id: string }) =>
      call(endpoints.sendFactRequest, { params: { requestId: id }, body: { version } }),
    onSettled: () =>
      Promise.all([
        refetch(queryClient, cycleId),
        queryClient.invalidateQueries({ queryKey: planKeys.plan(cycleId) }),
      ]),
  });
}

export function useAcceptFactItem(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reviewVersion }: BodyOf<typeof endpoints.acceptFactAnswer> & { id: string }) =>
      call(endpoints.acceptFactAnswer, { params: { itemId: id }, body: { reviewVersion } }),
    onSettled: (result) => keep(queryClient, cycleId, result),
  });
}

export function useFollowUpFactItem(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof endpoints.askFactFollowUp> & { id: string }) =>
      call(endpoints.askFactFollowUp, { params: { itemId: id }, body }),
    onSettled: (result) => keep(queryClient, cycleId, result),
  });
}

export function useFactMessage(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: BodyOf<typeof endpoints.writeFactMessage> & { id: string }) =>
      call(endpoints.writeFactMessage, { params: { itemId: id }, body: { body } }),
    onSettled: (result) => keep(queryClient, cycleId, result),
  });
}

/** The request's email again, to the contacts chosen (all when none are named). Nothing on the page changes. */
export function useResendFactRequest(requestId: string) {
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.resendFactRequest>) =>
      call(endpoints.resendFactRequest, { params: { requestId }, body }),
  });
}
