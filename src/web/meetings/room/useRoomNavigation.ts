import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { liveConnection } from '../../live/connection.ts';
import { meetingKeys, type RoomMeeting } from '../queries.ts';
import type { RoomView } from './RoomContext.tsx';

interface Place {
  itemId: string | null;
  topicId: string | null;
}

const samePlace = (a: Place, b: Place) => a.itemId === b.itemId && a.topicId === b.topicId;

/**
 * Follow the facilitator: everyone's view goes where the facilitator's focus is, until they
 * click around on their own ("looking around"); coming back to the same place, or "Back to
 * the facilitator", follows again. The facilitator's own clicks move everyone.
 */
export function useRoomNavigation(meeting: RoomMeeting, myName: string): RoomView {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [own, setOwn] = useState<Place | null>(null);
  const live = meeting.status === 'live';
  const leading = live && meeting.abilities.focus;
  const firstItem = meeting.agenda[0]?.id ?? null;
  const known = (itemId: string | null) => itemId !== null && meeting.agenda.some((a) => a.id === itemId);

  // Before the meeting starts there is no focus to follow: everyone starts at the top.
  const focus: Place =
    live && meeting.focus && known(meeting.focus.itemId)
      ? { itemId: meeting.focus.itemId, topicId: meeting.focus.topicId }
      : { itemId: firstItem, topicId: null };

  const focusKey = `${focus.itemId}|${focus.topicId}`;
  // Landing where the facilitator is means following again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey stands for focus
  useEffect(() => {
    if (own && samePlace(own, focus)) setOwn(null);
  }, [own, focusKey]);

  const { id: meetingId } = meeting;
  const goTo = useCallback(
    (itemId: string | null, topicId: string | null = null) => {
      if (!leading) {
        setOwn({ itemId, topicId });
        return;
      }
      setOwn(null);
      queryClient.setQueryData<RoomMeeting>(meetingKeys.meeting(meetingId), (current) =>
        current
          ? { ...current, focus: { itemId, topicId, byName: myName, at: new Date().toISOString() } }
          : current,
      );
      if (!liveConnection.sendFocus(meetingId, itemId, topicId)) {
        notifications.show({ id: 'focus-offline', color: 'orange', message: t('meeting.follow.notSent') });
      }
    },
    [leading, meetingId, myName, queryClient, t],
  );

  const backToFacilitator = useCallback(() => setOwn(null), []);

  const { itemId, topicId } = own && known(own.itemId) ? own : focus;
  const following = !own || samePlace(own, focus);
  return useMemo(
    () => ({ itemId, topicId, following, leading, goTo, backToFacilitator }),
    [itemId, topicId, following, leading, goTo, backToFacilitator],
  );
}
