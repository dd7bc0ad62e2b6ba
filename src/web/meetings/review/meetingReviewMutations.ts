import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting, ReviewComment } from '../../../shared/api/index.ts';
import type { DecisionKind } from '../../../shared/roles.ts';
import { api } from '../../api/client.ts';
import { planKeys } from '../../planning/queries.ts';
import { meetingKeys } from '../queries.ts';

/** Every change of the review refetches the meeting wherever it shows; decisions change the plan too. */
function useReviewMutation<V, R>(
  meeting: Meeting,
  onChanged: () => void,
  call: (vars: V) => Promise<R>,
  plan = false,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
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

export interface CommentInput {
  subjectType: 'topic' | 'slot';
  subjectId: string;
  body: string;
  verdict: 'accept' | 'changes' | null;
}

export const useReviewComment = (meeting: Meeting, onChanged: () => void) =>
  useReviewMutation(meeting, onChanged, (body: CommentInput) =>
    api.post<{ comment: ReviewComment }>(`/api/meetings/${meeting.id}/comments`, body),
  );

export interface ReviewDecision {
  topicId: string;
  kind: Exclude<DecisionKind, 'move'>;
  note: string;
  topicVersion: number;
}

export const useReviewDecision = (meeting: Meeting, onChanged: () => void) =>
  useReviewMutation(
    meeting,
    onChanged,
    (body: ReviewDecision) => api.post<{ meeting: Meeting }>(`/api/meetings/${meeting.id}/decisions`, body),
    true,
  );

/** Closing the review ends it like a meeting: the summary is kept and sent, the cycle moves to facts. */
export const useCloseReview = (meeting: Meeting, onChanged: () => void) =>
  useReviewMutation(
    meeting,
    onChanged,
    (acceptUndecided: boolean) =>
      api.post<{ meeting: Meeting }>(`/api/meetings/${meeting.id}/end`, {
        version: meeting.version,
        acceptUndecided,
      }),
    true,
  );
