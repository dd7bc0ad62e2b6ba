import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf } from '../../shared/api/endpoint.ts';
import { call } from '../api/client.ts';
import { meetingKeys } from './queries.ts';

/** A change of the client's plans or their contingencies: the month's list is refetched. */
function usePlansMutation<V, R>(cycleId: string, send: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.clientPlans(cycleId) }),
  });
}

export const useCreateClientPlan = (cycleId: string) =>
  usePlansMutation(cycleId, (body: BodyOf<typeof endpoints.createClientPlan>) =>
    call(endpoints.createClientPlan, { params: { cycleId }, body }),
  );

export const useUpdateClientPlan = (cycleId: string) =>
  usePlansMutation(cycleId, ({ id, ...body }: { id: string } & BodyOf<typeof endpoints.updateClientPlan>) =>
    call(endpoints.updateClientPlan, { params: { planId: id }, body }),
  );

export const useDeleteClientPlan = (cycleId: string) =>
  usePlansMutation(cycleId, (id: string) => call(endpoints.deleteClientPlan, { params: { planId: id } }));

export const useAddContingency = (cycleId: string) =>
  usePlansMutation(
    cycleId,
    ({ planId, ...body }: { planId: string } & BodyOf<typeof endpoints.createContingency>) =>
      call(endpoints.createContingency, { params: { planId }, body }),
  );

export const useUpdateContingency = (cycleId: string) =>
  usePlansMutation(cycleId, ({ id, ...body }: { id: string } & BodyOf<typeof endpoints.updateContingency>) =>
    call(endpoints.updateContingency, { params: { contingencyId: id }, body }),
  );

export const useDeleteContingency = (cycleId: string) =>
  usePlansMutation(cycleId, (id: string) =>
    call(endpoints.deleteContingency, { params: { contingencyId: id } }),
  );
