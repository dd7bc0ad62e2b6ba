import type { EventData, MeetingEventType } from '../../shared/events/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { type EventInput, recordEvent } from '../events/recordEvent.ts';
import type { MeetingInCycle } from './load.ts';

/** What a meeting event says besides its cycle, month and meeting (which this helper adds). */
export type MeetingEventData<T extends MeetingEventType> = Omit<
  EventData<T>,
  'cycleId' | 'month' | 'meetingId'
>;

/** Announce a change of the meeting to both sides (the client hears once the plan is shared). */
export function recordMeetingEvent<T extends MeetingEventType>(
  tx: Executor,
  actor: Actor,
  { meeting, cycle, client }: MeetingInCycle,
  type: T,
  data: MeetingEventData<T>,
) {
  return recordEvent(tx, actor.user, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: 'meeting',
    subjectId: meeting.id,
    data: { cycleId: cycle.id, month: cycle.month, meetingId: meeting.id, ...data },
    state: cycle,
    // One generic call stands for one member of the union; recordEvent checks the data at run time.
  } as EventInput);
}
