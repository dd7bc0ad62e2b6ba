import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgendaItem, Meeting, Question, Topic } from '../../shared/api/index.ts';
import type { AgendaKind, DecisionKind, QuestionStatus, Reaction } from '../../shared/roles.ts';
import { api } from '../api/client.ts';
import { planKeys } from '../planning/queries.ts';
import { meetingKeys, type RoomMeeting, withClock } from './queries.ts';

type Tally = Meeting['tallies'][number];

interface Options<V> {
  /** Shown at once, before the server answers; rolled back when it refuses. */
  optimistic?: (meeting: RoomMeeting, vars: V) => RoomMeeting;
  /** The plan changes too (topics, slots): refetch it. */
  plan?: boolean;
}

/**
 * Every change made in the room. An answer that carries the meeting replaces the cached one
 * at once; the meeting (and the plan, when topics change) is refetched either way, because
 * others may have changed it meanwhile.
 */
function useMeetingMutation<V, R>(
  meeting: RoomMeeting,
  call: (vars: V) => Promise<R>,
  options: Options<V> = {},
) {
  const queryClient = useQueryClient();
  const key = meetingKeys.meeting(meeting.id);
  return useMutation({
    mutationFn: call,
    onMutate: async (vars: V) => {
      if (!options.optimistic) return { previous: undefined as RoomMeeting | undefined };
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<RoomMeeting>(key);
      if (previous) queryClient.setQueryData(key, options.optimistic(previous, vars));
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (result) => {
      const fresh = (result as { meeting?: Meeting } | undefined)?.meeting;
      if (fresh) queryClient.setQueryData(key, withClock(fresh));
    },
    onSettled: () => {
      const keys: QueryKey[] = [key];
      if (options.plan) keys.push(planKeys.plan(meeting.cycleId), meetingKeys.cycleMeeting(meeting.cycleId));
      return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

const withTally = (meeting: RoomMeeting, topicId: string, change: (tally: Tally) => Tally): RoomMeeting => {
  const current = meeting.tallies.find((x) => x.topicId === topicId) ?? {
    topicId,
    dots: 0,
    myDots: 0,
    reactions: {},
    myReactions: [],
  };
  const next = change(current);
  return { ...meeting, tallies: [...meeting.tallies.filter((x) => x.topicId !== topicId), next] };
};

const base = (meetingId: string) => `/api/meetings/${meetingId}`;

// --- running the room ------------------------------------------------------------------

/** Start and end change the cycle's stage too. */
export const useStartMeeting = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    () => api.post<{ meeting: Meeting }>(`${base(meeting.id)}/start`, { version: meeting.version }),
    { plan: true },
  );

export const useEndMeeting = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    (vars: { acceptUndecided: boolean }) =>
      api.post<{ meeting: Meeting }>(`${base(meeting.id)}/end`, { version: meeting.version, ...vars }),
    { plan: true },
  );

export const useHandOver = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, (userId: string) =>
    api.post<{ meeting: Meeting }>(`${base(meeting.id)}/facilitator`, { userId, version: meeting.version }),
  );

export type TimerAction = 'start' | 'pause' | 'resume' | 'reset';

export const useTimer = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, (vars: { action: TimerAction; itemId: string; minutes?: number }) =>
    api.post<{ meeting: Meeting }>(`${base(meeting.id)}/timer`, vars),
  );

// --- agenda ----------------------------------------------------------------------------

export const useAddAgendaItem = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    (vars: { kind?: AgendaKind; title: string; minutes: number; after?: string | null }) =>
      api.post<{ item: AgendaItem }>(`${base(meeting.id)}/agenda`, vars),
  );

export const useUpdateAgendaItem = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    ({ id, ...body }: { id: string; version: number; title?: string; minutes?: number; position?: number }) =>
      api.patch<{ item: AgendaItem }>(`/api/agenda-items/${id}`, body),
    {
      optimistic: (m, vars) => ({
        ...m,
        agenda: m.agenda
          .map((a) =>
            a.id === vars.id
              ? {
                  ...a,
                  title: vars.title ?? a.title,
                  minutes: vars.minutes ?? a.minutes,
                  position: vars.position ?? a.position,
                }
              : a,
          )
          .sort((a, b) => a.position - b.position),
      }),
    },
  );

export const useDeleteAgendaItem = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, (id: string) => api.delete<{ ok: true }>(`/api/agenda-items/${id}`), {
    optimistic: (m, id) => ({ ...m, agenda: m.agenda.filter((a) => a.id !== id) }),
  });

// --- topics ----------------------------------------------------------------------------

export const useVote = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    ({ topicId, dots }: { topicId: string; dots: number }) =>
      api.put<{ meeting: Meeting }>(`${base(meeting.id)}/votes/${topicId}`, { dots }),
    {
      optimistic: (m, { topicId, dots }) =>
        withTally(m, topicId, (t) => ({ ...t, dots: t.dots - t.myDots + dots, myDots: dots })),
    },
  );

export const useReaction = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    ({ topicId, reaction, on }: { topicId: string; reaction: Reaction; on: boolean }) => {
      const url = `${base(meeting.id)}/topics/${topicId}/reactions/${reaction}`;
      return on ? api.put<{ meeting: Meeting }>(url, {}) : api.delete<{ meeting: Meeting }>(url);
    },
    {
      optimistic: (m, { topicId, reaction, on }) =>
        withTally(m, topicId, (t) => {
          if (t.myReactions.includes(reaction) === on) return t;
          const count = (t.reactions[reaction] ?? 0) + (on ? 1 : -1);
          return {
            ...t,
            reactions: { ...t.reactions, [reaction]: Math.max(0, count) },
            myReactions: on ? [...t.myReactions, reaction] : t.myReactions.filter((r) => r !== reaction),
          };
        }),
    },
  );

export interface DecisionInput {
  topicId: string;
  kind: DecisionKind;
  note?: string;
  slotId?: string | null;
  topicVersion: number;
}

export const useDecide = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    (body: DecisionInput) => api.post<{ meeting: Meeting }>(`${base(meeting.id)}/decisions`, body),
    { plan: true },
  );

export const useAddIdea = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    (body: { title: string; angle?: string; rubricId?: string | null }) =>
      api.post<{ topic: Topic }>(`${base(meeting.id)}/ideas`, body),
    { plan: true },
  );

// --- questions -------------------------------------------------------------------------

export const useAskQuestion = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, (body: { text: string; topicId?: string | null }) =>
    api.post<{ question: Question }>(`${base(meeting.id)}/questions`, body),
  );

export interface QuestionPatch {
  id: string;
  version: number;
  text?: string;
  answer?: string;
  status?: QuestionStatus;
  topicId?: string | null;
}

export const useUpdateQuestion = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, ({ id, ...body }: QuestionPatch) =>
    api.patch<{ question: Question }>(`/api/questions/${id}`, body),
  );

/** After a refused change, the room shows what is saved now. */
export const refetchMeeting = (queryClient: QueryClient, meetingId: string) =>
  queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId) });
