import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClientPlan, Contingency } from '../../shared/api/index.ts';
import type { Format, Likelihood } from '../../shared/roles.ts';
import { api } from '../api/client.ts';
import { meetingKeys } from './queries.ts';

export interface ClientPlanInput {
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  likelihood: Likelihood;
  notes: string;
}

export interface ContingencyInput {
  concept: string;
  trigger: string;
  channelId: string | null;
  format: Format | null;
}

/** A change of the client's plans or their contingencies: the month's list is refetched. */
function usePlansMutation<V, R>(cycleId: string, call: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.clientPlans(cycleId) }),
  });
}

export const useCreateClientPlan = (cycleId: string) =>
  usePlansMutation(cycleId, (body: ClientPlanInput) =>
    api.post<{ plan: ClientPlan }>(`/api/cycles/${cycleId}/client-plans`, body),
  );

export const useUpdateClientPlan = (cycleId: string) =>
  usePlansMutation(cycleId, ({ id, ...body }: ClientPlanInput & { id: string; version: number }) =>
    api.patch<{ plan: ClientPlan }>(`/api/client-plans/${id}`, body),
  );

export const useDeleteClientPlan = (cycleId: string) =>
  usePlansMutation(cycleId, (id: string) => api.delete<{ ok: true }>(`/api/client-plans/${id}`));

export const useAddContingency = (cycleId: string) =>
  usePlansMutation(cycleId, ({ planId, ...body }: ContingencyInput & { planId: string }) =>
    api.post<{ contingency: Contingency }>(`/api/client-plans/${planId}/contingencies`, body),
  );

export const useUpdateContingency = (cycleId: string) =>
  usePlansMutation(cycleId, ({ id, ...body }: ContingencyInput & { id: string; version: number }) =>
    api.patch<{ contingency: Contingency }>(`/api/contingencies/${id}`, body),
  );

export const useDeleteContingency = (cycleId: string) =>
  usePlansMutation(cycleId, (id: string) => api.delete<{ ok: true }>(`/api/contingencies/${id}`));
