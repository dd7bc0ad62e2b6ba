import { queryOptions } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { Meeting } from '../../shared/api/index.ts';
import { call } from '../api/client.ts';

/** A meeting as the room holds it: with how far the server's clock is from this browser's. */
export interface RoomMeeting extends Meeting {
  /** serverNow − Date.now() when the answer arrived; add it to Date.now() to read the server's clock. */
  clockOffsetMs: number;
}

export const meetingKeys = {
  meeting: (meetingId: string) => ['meetings', meetingId] as const,
  cycleMeeting: (cycleId: string) => ['cycles', cycleId, 'meeting'] as const,
  clientPlans: (cycleId: string) => ['cycles', cycleId, 'client-plans'] as const,
};

/** Stamps a meeting answer with the clock offset at the moment it arrived. */
export function withClock(meeting: Meeting): RoomMeeting {
  return { ...meeting, clockOffsetMs: Date.parse(meeting.serverNow) - Date.now() };
}

export const meetingQuery = (meetingId: string) =>
  queryOptions({
    queryKey: meetingKeys.meeting(meetingId),
    queryFn: async () => withClock((await call(endpoints.getMeeting, { params: { meetingId } })).meeting),
    structuralSharing: keepLatestFocus,
  });

/** The cycle's meeting, or null before one is scheduled. */
export const cycleMeetingQuery = (cycleId: string) =>
  queryOptions({
    queryKey: meetingKeys.cycleMeeting(cycleId),
    queryFn: () => call(endpoints.getCycleMeeting, { params: { cycleId } }),
    select: (data) => data.meeting,
  });

/** What the client expects in the month, each with its prepared "what if" contingencies. */
export const clientPlansQuery = (cycleId: string) =>
  queryOptions({
    queryKey: meetingKeys.clientPlans(cycleId),
    queryFn: () => call(endpoints.listClientPlans, { params: { cycleId } }),
    select: (data) => data.plans,
  });

/**
 * The server writes the facilitator's focus to the database a moment after it moves, so a
 * response read in between (a vote, a refetch) can carry the previous one. Whatever arrives,
 * the room keeps the focus with the later time.
 */
function keepLatestFocus(old: unknown, next: unknown): unknown {
  const before = old as { focus?: { at: string } | null } | undefined;
  const after = next as { focus?: { at: string } | null } | undefined;
  if (before?.focus && after?.focus && Date.parse(before.focus.at) > Date.parse(after.focus.at)) {
    return { ...after, focus: before.focus };
  }
  return next;
}
