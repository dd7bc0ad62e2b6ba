import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { decisionBody, ideaBody, meeting, meetingParams } from '../meetings.ts';
import { topic } from '../planning.ts';

const tags = ['meetings'];

export const addMeetingIdea = endpoint({
  operationId: 'addMeetingIdea',
  scopes: ['meeting'],
  method: 'POST',
  idempotent: true,
  path: '/api/meetings/:meetingId/ideas',
  tags,
  summary: 'An idea from either side becomes a topic of the plan (source: meeting, author recorded)',
  params: meetingParams,
  body: ideaBody,
  responses: { 201: z.object({ topic }) },
});

export const decideOnTopic = endpoint({
  operationId: 'decideOnTopic',
  scopes: ['meeting'],
  method: 'POST',
  idempotent: true,
  path: '/api/meetings/:meetingId/decisions',
  tags,
  summary: 'Decide on a topic: accept, change (saying what), park to the reserve, drop, or move to a slot',
  params: meetingParams,
  body: decisionBody,
  responses: { 201: z.object({ meeting }) },
});
