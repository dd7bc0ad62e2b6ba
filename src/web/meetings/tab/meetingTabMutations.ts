import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '../../../shared/api/index.ts';
import type { MeetingFormat } from '../../../shared/roles.ts';
import { api } from '../../api/client.ts';
import { planKeys } from '../../planning/queries.ts';
import { meetingKeys } from '../queries.ts';

export interface MeetingInput {
  date: string;
  time: string;
  durationMinutes: number;
  callLink: string | null;
  place: string | null;
  voteBudget: number;
  participantIds: string[];
}

/** A change of the meeting shows on the cycle page, in the room and in the plan's stage. */
function useRefresh(cycleId: string) {
  const queryClient = useQueryClient();
  return (meeting?: Meeting) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingKeys.cycleMeeting(cycleId) }),
      queryClient.invalidateQueries({ queryKey: planKeys.plan(cycleId) }),
      ...(meeting ? [queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meeting.id) })] : []),
    ]);
}

export function useScheduleMeeting(cycleId: string) {
  const refresh = useRefresh(cycleId);
  return useMutation({
    mutationFn: (body: MeetingInput & { format: MeetingFormat }) =>
      api.post<{ meeting: Meeting }>(`/api/cycles/${cycleId}/meeting`, body),
    onSettled: (result) => refresh(result?.meeting),
  });
}

export function useUpdateMeeting(cycleId: string, meetingId: string | undefined) {
  const refresh = useRefresh(cycleId);
  return useMutation({
    mutationFn: (body: Partial<MeetingInput> & { version: number }) =>
      api.patch<{ meeting: Meeting }>(`/api/meetings/${meetingId}`, body),
    onSettled: (result) => refresh(result?.meeting),
  });
}

/** Opens the room (or the fire-mode review); the cycle moves to its meeting stage. */
export function useOpenMeeting(meeting: Meeting) {
  const refresh = useRefresh(meeting.cycleId);
  return useMutation({
    mutationFn: () =>
      api.post<{ meeting: Meeting }>(`/api/meetings/${meeting.id}/start`, { version: meeting.version }),
    onSettled: () => refresh(meeting),
  });
}
