import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { recordPlanEvent } from '../planning/planEvent.ts';
import type { MeetingInCycle } from './load.ts';

/** Announce a change of the meeting to both sides (the client hears once the plan is shared). */
export const recordMeetingEvent = (
  tx: Executor,
  actor: Actor,
  found: MeetingInCycle,
  type: string,
  data: Record<string, unknown> = {},
) =>
  recordPlanEvent(
    tx,
    actor,
    found,
    type,
    { type: 'meeting', id: found.meeting.id },
    { meetingId: found.meeting.id, ...data },
  );
