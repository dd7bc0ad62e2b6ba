import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf, EndpointSpec } from '../../shared/api/endpoint.ts';
import type { Cycle, Plan, Slot, Topic } from '../../shared/api/index.ts';
import { call, sendFile } from '../api/client.ts';
import { clientKeys } from '../clients/queries.ts';
import { planKeys } from './queries.ts';

/** A change of one thing: the path's id beside the body the endpoint declares. */
type WithId<E extends EndpointSpec> = BodyOf<E> & { id: string };

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
  send: (vars: V) => Promise<R>,
  update: PlanUpdate<V, R> = {},
) {
  const queryClient = useQueryClient();
  const key = planKeys.plan(cycleId);
  return useMutation({
    mutationFn: send,
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
    mutationFn: (body: BodyOf<typeof endpoints.startCycle>) =>
      call(endpoints.startCycle, { params: { clientId }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientKeys.clients }),
  });
};

/** Stage, sharing and deadlines show on the home page and the client page too. */
const useCycleMutation = <V>(cycleId: string, send: (vars: V) => Promise<{ cycle: Cycle }>) =>
  usePlanMutation(cycleId, send, {
    apply: (plan, { cycle }) => withCycle(plan, cycle),
    alsoInvalidate: () => [clientKeys.clients],
  });

export const useMoveStage = (cycleId: string) =>
  useCycleMutation(cycleId, ({ to, version }: BodyOf<typeof endpoints.moveCycleStage>) =>
    call(endpoints.moveCycleStage, { params: { cycleId }, body: { to, version } }),
  );

export const useShareCycle = (cycleId: string) =>
  useCycleMutation(cycleId, ({ version }: BodyOf<typeof endpoints.shareCycle>) =>
    call(endpoints.shareCycle, { params: { cycleId }, body: { version } }),
  );

export const useUpdateDeadlines = (cycleId: string) =>
  useCycleMutation(cycleId, ({ deadlines, version }: BodyOf<typeof endpoints.updateCycleDeadlines>) =>
    call(endpoints.updateCycleDeadlines, { params: { cycleId }, body: { deadlines, version } }),
  );

// --- cadence -------------------------------------------------------------------------

export const useSaveCadence = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ rules, version }: BodyOf<typeof endpoints.replaceCadence>) =>
      call(endpoints.replaceCadence, { params: { cycleId }, body: { rules, version } }),
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
  usePlanMutation(cycleId, () => call(endpoints.applyCadence, { params: { cycleId } }), {
    alsoInvalidate: () => [planKeys.cadencePreview(cycleId)],
  });

/** Takes back the slots one fill created (still empty ones; the answer names those kept). */
export const useUndoCadence = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    (slotIds: string[]) => call(endpoints.undoCadence, { params: { cycleId }, body: { slotIds } }),
    { alsoInvalidate: () => [planKeys.cadencePreview(cycleId)] },
  );

// --- slots ---------------------------------------------------------------------------

export const useCreateSlot = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    (body: BodyOf<typeof endpoints.createSlot>) => call(endpoints.createSlot, { params: { cycleId }, body }),
    { apply: (plan, { slot }) => withSlot(plan, slot) },
  );

export const useUpdateSlot = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ id, ...body }: WithId<typeof endpoints.updateSlot>) =>
      call(endpoints.updateSlot, { params: { slotId: id }, body }),
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
    ({ id, ...body }: WithId<typeof endpoints.duplicateSlot>) =>
      call(endpoints.duplicateSlot, { params: { slotId: id }, body }),
    { apply: (plan, { slot }) => withSlot(plan, slot) },
  );

export const useDeleteSlot = (cycleId: string) =>
  usePlanMutation(cycleId, (slotId: string) => call(endpoints.deleteSlot, { params: { slotId } }), {
    optimistic: (plan, slotId) => ({
      ...plan,
      slots: plan.slots.filter((s) => s.id !== slotId),
      topics: plan.topics.map((x) => (x.slotId === slotId ? { ...x, slotId: null } : x)),
    }),
  });

/** Deletes several slots in one request; their topics go back to the unplaced ones. */
export const useDeleteSlots = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    (slotIds: string[]) => call(endpoints.deleteSlots, { params: { cycleId }, body: { slotIds } }),
    {
      optimistic: (plan, slotIds) => ({
        ...plan,
        slots: plan.slots.filter((s) => !slotIds.includes(s.id)),
        topics: plan.topics.map((x) => (x.slotId && slotIds.includes(x.slotId) ? { ...x, slotId: null } : x)),
      }),
    },
  );

/** Puts a topic in a slot (moving it out of any other) or, with null, takes it out. */
export const usePlaceTopic = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ slotId, topicId, version }: BodyOf<typeof endpoints.placeTopicInSlot> & { slotId: string }) =>
      call(endpoints.placeTopicInSlot, { params: { slotId }, body: { topicId, version } }),
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
    (body: BodyOf<typeof endpoints.createTopic>) =>
      call(endpoints.createTopic, { params: { cycleId }, body }),
    { apply: (plan, { topic }) => withTopic(plan, topic) },
  );

export const useUpdateTopic = (cycleId: string) =>
  usePlanMutation(
    cycleId,
    ({ id, ...body }: WithId<typeof endpoints.updateTopic>) =>
      call(endpoints.updateTopic, { params: { topicId: id }, body }),
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
  usePlanMutation(cycleId, (topicId: string) => call(endpoints.deleteTopic, { params: { topicId } }), {
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
    ({ id, version }: WithId<typeof endpoints.parkTopic> & { clientId: string }) =>
      call(endpoints.parkTopic, { params: { topicId: id }, body: { version } }),
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
    mutationFn: ({ id, cycleId, version }: WithId<typeof endpoints.pullTopic>) =>
      call(endpoints.pullTopic, { params: { topicId: id }, body: { cycleId, version } }),
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
      sendFile(
        endpoints.importTopics,
        { params: { cycleId }, query: { dryRun: dryRun ? 'true' : 'false' } },
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
    mutationFn: () => call(endpoints.createCalendarFeed, { params: { clientId } }),
  });

export const useRevokeCalendarFeed = (clientId: string) =>
  useMutation({ mutationFn: () => call(endpoints.revokeCalendarFeed, { params: { clientId } }) });
