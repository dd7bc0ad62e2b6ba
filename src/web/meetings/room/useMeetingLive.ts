import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingRoom } from '../../../shared/live.ts';
import { clientKeys } from '../../clients/queries.ts';
import type { LiveEvent, LiveFrame, PresentPerson } from '../../live/connection.ts';
import { useLiveRooms } from '../../live/useLiveRooms.ts';
import { planKeys } from '../../planning/queries.ts';
import { meetingKeys, type RoomMeeting } from '../queries.ts';

/** A burst of events (a vote storm, a month of slots) refetches once. */
const SETTLE_MS = 150;

type Target = 'meeting' | 'plan' | 'clientPlans' | 'channels' | 'rubrics';

/** What an event of the client's rooms changes on this screen. */
function targetsOf(event: LiveEvent, meetingId: string): Target[] {
  const { type, subjectType } = event;
  if (type.startsWith('client_plan.') || type.startsWith('contingency.')) return ['clientPlans'];
  if (subjectType === 'channel') return ['channels', 'plan'];
  if (subjectType === 'rubric') return ['rubrics', 'plan'];
  if (type.startsWith('meeting.') || type.startsWith('agenda.')) {
    if (!('meetingId' in event.data) || event.data.meetingId !== meetingId) return [];
    // Ideas, decisions and the start and end change topics, slots and the cycle's stage too.
    return type === 'meeting.voted' ||
      type === 'meeting.reacted' ||
      type === 'agenda.changed' ||
      type === 'meeting.timer'
      ? ['meeting']
      : type.startsWith('meeting.question')
        ? ['meeting']
        : ['meeting', 'plan'];
  }
  // Topics and slots changed on the plan screen: the plan, and the meeting's view of them.
  return ['plan', 'meeting'];
}

/**
 * Keeps the room current: the client's rooms bring numbered events (refetch what they
 * touch), the meeting's own room brings presence and the facilitator's focus. A reconnect
 * re-subscribes every room and refetches everything, since events may have been missed.
 */
export function useMeetingLive(
  meeting: RoomMeeting | undefined,
  planRooms: readonly string[],
): PresentPerson[] {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [people, setPeople] = useState<PresentPerson[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef(new Set<Target>());
  const meetingId = meeting?.id;
  const cycleId = meeting?.cycleId;
  const clientId = meeting?.clientId;

  useEffect(() => () => clearTimeout(timer.current), []);

  const refetch = (what: readonly Target[]) => {
    for (const target of what) pending.current.add(target);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const due = pending.current;
      pending.current = new Set();
      if (!meetingId || !cycleId || !clientId) return;
      const byTarget: Record<Target, readonly unknown[]> = {
        meeting: meetingKeys.meeting(meetingId),
        plan: planKeys.plan(cycleId),
        clientPlans: meetingKeys.clientPlans(cycleId),
        channels: clientKeys.channels(clientId),
        rubrics: clientKeys.rubrics(clientId),
      };
      for (const target of due) void queryClient.invalidateQueries({ queryKey: byTarget[target] });
    }, SETTLE_MS);
  };

  const rooms = meetingId ? [...planRooms, meetingRoom(meetingId)] : [];

  useLiveRooms(
    rooms,
    (event) => {
      if (!meetingId) return;
      if (!event) {
        refetch(['meeting', 'plan', 'clientPlans', 'channels', 'rubrics']);
        return;
      }
      if (event.clientId && event.clientId !== clientId) return;
      refetch(targetsOf(event, meetingId));
    },
    (frame: LiveFrame) => {
      if (!meetingId) return;
      if (frame.type === 'presence') setPeople(frame.people);
      else if (frame.type === 'focus') {
        queryClient.setQueryData<RoomMeeting>(meetingKeys.meeting(meetingId), (current) =>
          current ? { ...current, focus: frame.focus } : current,
        );
      } else if (frame.about === 'focus') {
        // The server refused a focus move (the role was handed over, the meeting ended).
        notifications.show({ color: 'orange', message: t('meeting.follow.focusRefused') });
        refetch(['meeting']);
      }
    },
  );

  return people;
}
