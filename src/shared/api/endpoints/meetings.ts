import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  endMeetingBody,
  facilitatorBody,
  meeting,
  meetingParams,
  meetingVersionBody,
  scheduleMeetingBody,
  timerBody,
  updateMeetingBody,
} from '../meetings.ts';

const tags = ['meetings'];
const cycleParams = z.object({ cycleId: z.uuid() });
const oneMeeting = z.object({ meeting });

export const getCycleMeeting = endpoint({
  operationId: 'getCycleMeeting',
  scopes: ['meeting'],
  method: 'GET',
  path: '/api/cycles/:cycleId/meeting',
  tags,
  summary: "The cycle's meeting (or fire-mode review), or null before one is scheduled",
  params: cycleParams,
  responses: { 200: z.object({ meeting: meeting.nullable() }) },
});

export const getMeeting = endpoint({
  operationId: 'getMeeting',
  scopes: ['meeting'],
  method: 'GET',
  path: '/api/meetings/:meetingId',
  tags,
  summary: 'A meeting, everything in it, and what you may do',
  params: meetingParams,
  responses: { 200: oneMeeting },
});

export const scheduleMeeting = endpoint({
  operationId: 'scheduleMeeting',
  method: 'POST',
  idempotent: true,
  path: '/api/cycles/:cycleId/meeting',
  tags,
  summary: 'Schedule the meeting (or, with format "async", prepare a fire-mode review) and invite people',
  params: cycleParams,
  body: scheduleMeetingBody,
  responses: { 201: oneMeeting },
});

export const updateMeeting = endpoint({
  operationId: 'updateMeeting',
  method: 'PATCH',
  path: '/api/meetings/:meetingId',
  tags,
  summary:
    'Reschedule or change the meeting; invitations go to new people, and to everyone when the time moves',
  params: meetingParams,
  body: updateMeetingBody,
  responses: { 200: oneMeeting },
});

export const startMeeting = endpoint({
  operationId: 'startMeeting',
  method: 'POST',
  path: '/api/meetings/:meetingId/start',
  tags,
  summary: 'Open the room (or the fire-mode review): the cycle moves to its meeting stage',
  params: meetingParams,
  body: meetingVersionBody,
  responses: { 200: oneMeeting },
});

export const handOverFacilitator = endpoint({
  operationId: 'handOverFacilitator',
  method: 'POST',
  path: '/api/meetings/:meetingId/facilitator',
  tags,
  summary: 'Hand the facilitator role to another agency member',
  params: meetingParams,
  body: facilitatorBody,
  responses: { 200: oneMeeting },
});

export const controlMeetingTimer = endpoint({
  operationId: 'controlMeetingTimer',
  method: 'POST',
  path: '/api/meetings/:meetingId/timer',
  tags,
  summary: "Start, pause, resume or reset an agenda item's timer (the server's clock counts)",
  params: meetingParams,
  body: timerBody,
  responses: { 200: oneMeeting },
});

export const endMeeting = endpoint({
  operationId: 'endMeeting',
  method: 'POST',
  path: '/api/meetings/:meetingId/end',
  tags,
  summary: 'End the meeting (or close the review): the summary is kept and sent, the cycle moves to facts',
  params: meetingParams,
  body: endMeetingBody,
  responses: { 200: oneMeeting },
});
