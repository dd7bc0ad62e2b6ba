import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom } from './RoomContext.tsx';
import { reportRoomError } from './roomErrors.ts';

/** Reports a refused change of the room, refetching what someone else changed meanwhile. */
export function useReportError(): (error: unknown) => void {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { meeting } = useRoom();
  const { id: meetingId, cycleId } = meeting;
  return useCallback(
    (error: unknown) => reportRoomError(error, t, queryClient, { meetingId, cycleId }),
    [t, queryClient, meetingId, cycleId],
  );
}
