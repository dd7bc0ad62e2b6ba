import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveRooms } from '../../live/useLiveRooms.ts';
import { meetingKeys } from '../queries.ts';

const SETTLE_MS = 150;

/**
 * Keeps the cycle's meeting current on the cycle page: scheduling, starting, a comment or a
 * decision in a fire-mode review all arrive as meeting events in the plan's rooms.
 */
export function useLiveMeeting(rooms: readonly string[], cycleId: string, meetingId: string | undefined) {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveRooms(rooms, (event) => {
    if (event && event.subjectType !== 'meeting' && !event.type.startsWith('meeting.')) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.cycleMeeting(cycleId) });
      if (meetingId) void queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId) });
    }, SETTLE_MS);
  });
}
