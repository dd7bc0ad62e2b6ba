import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { FactItem, FactRequestFull } from '../../shared/api/index.ts';
import type { FactKind } from '../../shared/roles.ts';
import { api } from '../api/client.ts';
import { planKeys } from '../planning/queries.ts';
import { factKeys } from './queries.ts';

/** What the agency says about one item; every field but the question has a default. */
export interface FactItemInput {
  topicId?: string | null;
  question: string;
  kind: FactKind;
  choices: string[];
  required: boolean;
  dueOn?: string | null;
  contactId?: string | null;
}

const refetch = (queryClient: QueryClient, cycleId: string) =>
  queryClient.invalidateQueries({ queryKey: factKeys.cycleRequest(cycleId) });

/**
 * A review answer carries the whole request as the server sees it now: show that at once,
 * then refetch anyway (a stale answer refetches too, so the newer answer shows).
 */
function keep(queryClient: QueryClient, cycleId: string, result?: { request: FactRequestFull }) {
  if (result) queryClient.setQueryData(factKeys.cycleRequest(cycleId), { request: result.request });
  return refetch(queryClient, cycleId);
}

export function useAddFactItem(cycleId: string, requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FactItemInput) =>
      api.post<{ item: FactItem }>(`/api/fact-requests/${requestId}/items`, body),
    onSettled: () => refetch(queryClient, cycleId),
  });
}

export function useUpdateFactItem(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<FactItemInput> & { id: string; version: number }) =>
      api.patch<{ item: FactItem }>(`/api/fact-items/${id}`, body),
    onSettled: () => refetch(queryClient, cycleId),
  });
}

export function useDeleteFactItem(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/fact-items/${id}`),
    onSettled: () => refetch(queryClient, cycleId),
  });
}

/** Sending hands the facts stage to the client: the plan's stage may change too. */
export function useSendFactRequest(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<{ ok: true }>(`/api/fact-requests/${id}/send`, { version }),
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
    mutationFn: ({ id, reviewVersion }: { id: string; reviewVersion: number }) =>
      api.post<{ request: FactRequestFull }>(`/api/fact-items/${id}/accept`, { reviewVersion }),
    onSettled: (result) => keep(queryClient, cycleId, result),
  });
}

export function useFollowUpFactItem(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, reviewVersion }: { id: string; body: string; reviewVersion: number }) =>
      api.post<{ request: FactRequestFull }>(`/api/fact-items/${id}/follow-up`, { body, reviewVersion }),
    onSettled: (result) => keep(queryClient, cycleId, result),
  });
}

export function useFactMessage(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      api.post<{ request: FactRequestFull }>(`/api/fact-items/${id}/messages`, { body }),
    onSettled: (result) => keep(queryClient, cycleId, result),
  });
}
