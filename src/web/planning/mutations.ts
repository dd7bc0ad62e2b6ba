import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Cycle, Plan, Slot, Topic } from '../../shared/api/index.ts';
import type { CycleStage, Format, TopicStatus } from '../../shared/roles.ts';
import { api, withQuery } from '../api/client.ts';
import { clientKeys } from '../clients/queries.ts';
import { type ImportPreview, planKeys } from './queries.ts';

export interface SlotInput {
  date: string;
  time: string;
  channelId: string;
  format: Format;
  rubricId: string | null;
}

export interface TopicInput {
  title: string;
  angle?: string;
  rubricId?: string | null;
  channelId?: string | null;
  format?: Format | null;
  tags?: string[];
}

export type TopicPatch = Partial<TopicInput> & {
  status?: Exclude<TopicStatus, 'parked'>;
  position?: number;
};

export interface CadenceRuleInput {
  channelId: string;
  format: Format;
  weekdays: number[];
  time: string;
  rubricId: string | null;
}

type PlanUpdate<V, R> = {
  /** Shown at once, before the server answers; rolled back when it refuses. */
  optimistic?: (plan: Plan, vars: V) => Plan;
  /** Folds the answer into the cached plan until the refetch lands. */
  apply?: (plan: Plan, result: R) => Plan;
  /** Other screens the change shows on (home page, reserve). */
  alsoInvalidate?: (vars: V) => QueryKey[];
};

/**
 * Every change of a plan: optimistic where it is a gesture (drag and drop), then a refetch,
 * because one change moves counts and the stage checks too.
 */
function usePlanMutation<V, R>(
  cycleId: string,
  call: (vars: V) => Promise<R>,
  update: PlanUpdate<V, R> = {},
) {
  const queryClient = useQueryClient();
  const key = planKeys.plan(cycleId);
  return useMutation({
    mutationFn: call,
    onMutate: async (vars: V) => {
      if (!update.optimistic) return { previous: undefined as Plan | undefined };
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Plan>(key);
      if (previous) queryClient.setQueryData(key, update.optimistic(previous, vars));
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (result) => {
      const apply = update.apply;
      if (apply) queryClient.setQueryData<Plan>(key, (plan) => (plan ? apply(plan, result) : plan));
    },
    onSettled: (_result, _error, vars) =>
      Promise.all(
        [key, ...(update.alsoInvalidate?.(vars) ?? [])].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

const withCycle = (plan: Plan, cycle: Cycle): Plan => ({ ...plan, cycle });
const withSlot = (plan: Plan, slot: Slot): Plan => ({
  ...plan,
  slots: plan.slots.some((s) => s.id === slot.id)
    ? plan.slots.map((s) => (s.id === slot.id ? slot : s))
    : [...plan.slots, slot],
});
const withTopic = (plan: Plan, topic: Topic): Plan => ({
  ...plan,
  topics: plan.topics.some((x) => x.id === topic.id)
    ? plan.topics.map((x) => (x.id === topic.id ? topic : x))
    : [...plan.topics, topic],
});

// --- cycles --------------------------------------------------------------------------

export const useStartCycle = (clientId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { month: string; copyCadence: boolean }) =>
      api.post<{ cycle: Cycle }>(`/api/clients/${clientId}/cycles`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientKeys.clients }),
  });
};

/** Stage, sharing and deadlines show on the home page and the client page too. */
const useCycleMutation = <V>(cycleId: string, call: (vars: V) => Promise<{ cycle: Cycle }>) =>
  usePlanMutation(cycleId, call, {
    apply: (plan, { cycle }) => withCycle(plan, cycle),
    alsoInvalidate: () => [clientKeys.clients],
  });

export const useMoveStage = (cycleId: string) =>
  useCycleMutation(cycleId, (body: { to: CycleStage; version: number }) =>
    api.post<{ cycle: Cycle }>(`/api/cycles/${cycleId}/stage`, body),
  );

export const useShareCycle = (cycleId: string) =>
  useCycleMutation(cycleId, (body: { version: number }) =>
    api.post<{ cycle: Cycle }>(`/api/cycles/${cycleId}/share`, body),
  );

export const useUpdateDeadlines = (cycleId: string) =>
  useCycleMutation(cycleId, (body: { deadlines: Partial<Record<CycleStage, string>>; version: number }) =>
    api.patch<{ cycle: Cycle }>(`/api/cycles/${cycleId}`, body),
  );

// --- cadence -------------------------------------------------------------------------

export const useSaveCadence = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ rules, version }: { rules: CadenceRuleInput[]; version: number }) =>
      api.put<{ cadence: Plan['cadence'] }>(`/api/cycles/${cycleId}/cadence`, { rules, version }),
    // Saving the cadence bumps the cycle's version; the plan is refetched to pick it up.
    {
      apply: (plan, { cadence }) => ({
        ...plan,
        cadence,
        cycle: { ...plan.cycle, version: plan.cycle.version + 1 },
      }),
    },
  );

export const useApplyCadence = (cycleId: string) =>
  usePlanMutation(cycleId, () =>
    api.post<{ created: number; slots: Slot[] }>(`/api/cycles/${cycleId}/cadence/apply`),
  );

// --- slots ---------------------------------------------------------------------------

export const useCreateSlot = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    (body: SlotInput) => api.post<{ slot: Slot }>(`/api/cycles/${cycleId}/slots`, body),
    { apply: (plan, { slot }) => withSlot(plan, slot) },
  );

export const useUpdateSlot = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ id, ...body }: Partial<SlotInput> & { id: string; version: number }) =>
      api.patch<{ slot: Slot }>(`/api/slots/${id}`, body),
    {
      // Dragging a slot to another day moves it at once.
      optimistic: (plan, { id, version: _version, ...body }) => ({
        ...plan,
        slots: plan.slots.map((s) => (s.id === id ? { ...s, ...body } : s)),
      }),
      apply: (plan, { slot }) => withSlot(plan, slot),
    },
  );

export const useDuplicateSlot = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ id, ...body }: { id: string; date?: string; time?: string }) =>
      api.post<{ slot: Slot }>(`/api/slots/${id}/duplicate`, body),
    { apply: (plan, { slot }) => withSlot(plan, slot) },
  );

export const useDeleteSlot = (cycleId: string) =>
  usePlanMutation(cycleId, (slotId: string) => api.delete<{ ok: true }>(`/api/slots/${slotId}`), {
    optimistic: (plan, slotId) => ({
      ...plan,
      slots: plan.slots.filter((s) => s.id !== slotId),
      topics: plan.topics.map((x) => (x.slotId === slotId ? { ...x, slotId: null } : x)),
    }),
  });

/** Puts a topic in a slot (moving it out of any other) or, with null, takes it out. */
export const usePlaceTopic = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ slotId, topicId, version }: { slotId: string; topicId: string | null; version: number }) =>
      api.put<{ slot: Slot }>(`/api/slots/${slotId}/topic`, { topicId, version }),
    {
      optimistic: (plan, { slotId, topicId }) => {
        const previous = plan.slots.find((s) => s.id === slotId)?.topicId ?? null;
        return {
          ...plan,
          slots: plan.slots.map((s) =>
            s.id === slotId
              ? { ...s, topicId }
              : topicId && s.topicId === topicId
                ? { ...s, topicId: null }
                : s,
          ),
          topics: plan.topics.map((x) =>
            x.id === topicId ? { ...x, slotId } : x.id === previous ? { ...x, slotId: null } : x,
          ),
        };
      },
      apply: (plan, { slot }) => withSlot(plan, slot),
    },
  );

// --- topics --------------------------------------------------------------------------

export const useCreateTopic = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    (body: TopicInput) => api.post<{ topic: Topic }>(`/api/cycles/${cycleId}/topics`, body),
    { apply: (plan, { topic }) => withTopic(plan, topic) },
  );

export const useUpdateTopic = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ id, ...body }: TopicPatch & { id: string; version: number }) =>
      api.patch<{ topic: Topic }>(`/api/topics/${id}`, body),
    {
      // Reordering by drag and drop shows the new order at once.
      optimistic: (plan, { id, position }) =>
        position === undefined
          ? plan
          : { ...plan, topics: plan.topics.map((x) => (x.id === id ? { ...x, position } : x)) },
      apply: (plan, { topic }) => withTopic(plan, topic),
    },
  );

export const useDeleteTopic = (cycleId: string) =>
  usePlanMutation(cycleId, (topicId: string) => api.delete<{ ok: true }>(`/api/topics/${topicId}`), {
    optimistic: (plan, topicId) => ({
      ...plan,
      topics: plan.topics.filter((x) => x.id !== topicId),
      slots: plan.slots.map((s) => (s.topicId === topicId ? { ...s, topicId: null } : s)),
    }),
  });

/** Parking takes the topic out of the plan and into the client's reserve. */
export const useParkTopic = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ id, version }: { id: string; version: number; clientId: string }) =>
      api.post<{ topic: Topic }>(`/api/topics/${id}/park`, { version }),
    {
      optimistic: (plan, { id }) => ({
        ...plan,
        topics: plan.topics.filter((x) => x.id !== id),
        slots: plan.slots.map((s) => (s.topicId === id ? { ...s, topicId: null } : s)),
      }),
      alsoInvalidate: ({ clientId }) => [planKeys.reserveAll(clientId)],
    },
  );

/** Pulls a reserve topic into a cycle; the reserve list and that cycle's plan refresh. */
export const usePullTopic = (clientId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, cycleId, version }: { id: string; cycleId: string; version: number }) =>
      api.post<{ topic: Topic }>(`/api/topics/${id}/pull`, { cycleId, version }),
    onSettled: (_data, _error, { cycleId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.reserveAll(clientId) }),
        queryClient.invalidateQueries({ queryKey: planKeys.plan(cycleId) }),
      ]),
  });
};

export const useImportTopics = (cycleId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
      api.upload<ImportPreview>(
        withQuery(`/api/cycles/${cycleId}/topics/import`, { dryRun }),
        file,
        'text/csv',
      ),
    onSuccess: (_data, { dryRun }) => {
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: planKeys.plan(cycleId) });
    },
  });
};

// --- calendar feed -------------------------------------------------------------------

export const useCreateCalendarFeed = (clientId: string) =>
  useMutation({
    mutationFn: () => api.post<{ url: string }>(`/api/clients/${clientId}/calendar-feed`),
  });

export const useRevokeCalendarFeed = (clientId: string) =>
  useMutation({ mutationFn: () => api.delete<{ ok: true }>(`/api/clients/${clientId}/calendar-feed`) });
