import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../shared/api/catalogue.ts';
import type { BodyOf } from '../../../shared/api/endpoint.ts';
import type { Meeting } from '../../../shared/api/index.ts';
import { call } from '../../api/client.ts';
import { planKeys } from '../../planning/queries.ts';
import { meetingKeys } from '../queries.ts';

/** Every change of the review refetches the meeting wherever it shows; decisions change the plan too. */
function useReviewMutation<V, R>(
  meeting: Meeting,
  onChanged: () => void,
  send: (vars: V) => Promise<R>,
  plan = false,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => onChanged(),
    onSettled: () =>
      Promise.all(
        [
          meetingKeys.meeting(meeting.id),
          meetingKeys.cycleMeeting(meeting.cycleId),
          ...(plan ? [planKeys.plan(meeting.cycleId)] : []),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export type CommentInput = BodyOf<typeof endpoints.addReviewComment>;

export const useReviewComment = (meeting: Meeting, onChanged: () => void) =>
  useReviewMutation(meeting, onChanged, (body: CommentInput) =>
    call(endpoints.addReviewComment, { params: { meetingId: meeting.id }, body }),
  );

type DecisionBody = BodyOf<typeof endpoints.decideOnTopic>;

/** A review decides on topics where they stand: moving one to another slot is for the plan. */
export type ReviewDecision = Omit<DecisionBody, 'kind' | 'slotId'> & {
  kind: Exclude<DecisionBody['kind'], 'move'>;
};

export const useReviewDecision = (meeting: Meeting, onChanged: () => void) =>
  useReviewMutation(
    meeting,
    onChanged,
    (body: ReviewDecision) => call(endpoints.decideOnTopic, { params: { meetingId: meeting.id }, body }),
    true,
  );

/** Closing the review ends it like a meeting: the summary is kept and sent, the cycle moves to facts. */
export const useCloseReview = (meeting: Meeting, onChanged: () => void) =>
  useReviewMutation(
    meeting,
    onChanged,
    (acceptUndecided: boolean) =>
      call(endpoints.endMeeting, {
        params: { meetingId: meeting.id },
        body: { version: meeting.version, acceptUndecided },
      }),
    true,
  );
