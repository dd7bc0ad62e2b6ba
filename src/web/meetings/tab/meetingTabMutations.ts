import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../shared/api/catalogue.ts';
import type { BodyOf } from '../../../shared/api/endpoint.ts';
import type { Meeting } from '../../../shared/api/index.ts';
import { call } from '../../api/client.ts';
import { planKeys } from '../../planning/queries.ts';
import { meetingKeys } from '../queries.ts';

type ScheduleBody = BodyOf<typeof endpoints.scheduleMeeting>;

/** The form's values: what scheduling takes besides the format, every field filled in. */
export type MeetingInput = Required<Omit<ScheduleBody, 'format'>>;

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
    mutationFn: (body: ScheduleBody) => call(endpoints.scheduleMeeting, { params: { cycleId }, body }),
    onSettled: (result) => refresh(result?.meeting),
  });
}

export function useUpdateMeeting(cycleId: string, meetingId: string | undefined) {
  const refresh = useRefresh(cycleId);
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.updateMeeting>) => {
      // Only the reschedule form, which has its meeting, saves through this.
      if (!meetingId) throw new Error('There is no meeting to reschedule yet');
      return call(endpoints.updateMeeting, { params: { meetingId }, body });
    },
    onSettled: (result) => refresh(result?.meeting),
  });
}

/** Opens the room (or the fire-mode review); the cycle moves to its meeting stage. */
export function useOpenMeeting(meeting: Meeting) {
  const refresh = useRefresh(meeting.cycleId);
  return useMutation({
    mutationFn: () =>
      call(endpoints.startMeeting, { params: { meetingId: meeting.id }, body: { version: meeting.version } }),
    onSettled: () => refresh(meeting),
  });
}
