import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { BodyOf } from '../../shared/api/endpoint.ts';
import type { Meeting } from '../../shared/api/index.ts';
import type { Reaction } from '../../shared/roles.ts';
import { call } from '../api/client.ts';
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
  send: (vars: V) => Promise<R>,
  options: Options<V> = {},
) {
  const queryClient = useQueryClient();
  const key = meetingKeys.meeting(meeting.id);
  return useMutation({
    mutationFn: send,
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

/** The path part of every call about this meeting. */
const inMeeting = (meeting: RoomMeeting) => ({ params: { meetingId: meeting.id } });

// --- running the room ------------------------------------------------------------------

/** Start and end change the cycle's stage too. */
export const useStartMeeting = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    () => call(endpoints.startMeeting, { ...inMeeting(meeting), body: { version: meeting.version } }),
    { plan: true },
  );

export const useEndMeeting = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    ({ acceptUndecided }: Pick<BodyOf<typeof endpoints.endMeeting>, 'acceptUndecided'>) =>
      call(endpoints.endMeeting, {
        ...inMeeting(meeting),
        body: { version: meeting.version, acceptUndecided },
      }),
    { plan: true },
  );

export const useHandOver = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, (userId: string) =>
    call(endpoints.handOverFacilitator, {
      ...inMeeting(meeting),
      body: { userId, version: meeting.version },
    }),
  );

type TimerBody = BodyOf<typeof endpoints.controlMeetingTimer>;
export type TimerAction = TimerBody['action'];

export const useTimer = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, ({ action, itemId, minutes }: TimerBody) =>
    call(endpoints.controlMeetingTimer, { ...inMeeting(meeting), body: { action, itemId, minutes } }),
  );

// --- agenda ----------------------------------------------------------------------------

export const useAddAgendaItem = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, (body: BodyOf<typeof endpoints.createAgendaItem>) =>
    call(endpoints.createAgendaItem, { ...inMeeting(meeting), body }),
  );

export const useUpdateAgendaItem = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    ({ id, ...body }: { id: string } & BodyOf<typeof endpoints.updateAgendaItem>) =>
      call(endpoints.updateAgendaItem, { params: { itemId: id }, body }),
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
  useMeetingMutation(meeting, (id: string) => call(endpoints.deleteAgendaItem, { params: { itemId: id } }), {
    optimistic: (m, id) => ({ ...m, agenda: m.agenda.filter((a) => a.id !== id) }),
  });

// --- topics ----------------------------------------------------------------------------

export const useVote = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    ({ topicId, dots }: { topicId: string } & BodyOf<typeof endpoints.voteOnTopic>) =>
      call(endpoints.voteOnTopic, { params: { meetingId: meeting.id, topicId }, body: { dots } }),
    {
      optimistic: (m, { topicId, dots }) =>
        withTally(m, topicId, (t) => ({ ...t, dots: t.dots - t.myDots + dots, myDots: dots })),
    },
  );

export const useReaction = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    ({ topicId, reaction, on }: { topicId: string; reaction: Reaction; on: boolean }) => {
      const params = { meetingId: meeting.id, topicId, reaction };
      return on
        ? call(endpoints.addTopicReaction, { params })
        : call(endpoints.removeTopicReaction, { params });
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

export type DecisionInput = BodyOf<typeof endpoints.decideOnTopic>;

export const useDecide = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    (body: DecisionInput) => call(endpoints.decideOnTopic, { ...inMeeting(meeting), body }),
    { plan: true },
  );

export const useAddIdea = (meeting: RoomMeeting) =>
  useMeetingMutation(
    meeting,
    (body: BodyOf<typeof endpoints.addMeetingIdea>) =>
      call(endpoints.addMeetingIdea, { ...inMeeting(meeting), body }),
    { plan: true },
  );

// --- questions -------------------------------------------------------------------------

export const useAskQuestion = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, (body: BodyOf<typeof endpoints.askQuestion>) =>
    call(endpoints.askQuestion, { ...inMeeting(meeting), body }),
  );

/** A change of a question: which one, and the fields the endpoint takes. */
export type QuestionPatch = { id: string } & BodyOf<typeof endpoints.updateQuestion>;

export const useUpdateQuestion = (meeting: RoomMeeting) =>
  useMeetingMutation(meeting, ({ id, ...body }: QuestionPatch) =>
    call(endpoints.updateQuestion, { params: { questionId: id }, body }),
  );

/** After a refused change, the room shows what is saved now. */
export const refetchMeeting = (queryClient: QueryClient, meetingId: string) =>
  queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId) });
