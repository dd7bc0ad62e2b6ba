import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { meeting, reactionParams, voteBody, voteParams } from '../meetings.ts';

// Dots and reactions are set, never added: a request retried after a dropped connection changes nothing.
const tags = ['meetings'];
const oneMeeting = z.object({ meeting });

export const voteOnTopic = endpoint({
  operationId: 'voteOnTopic',
  scopes: ['meeting'],
  method: 'PUT',
  path: '/api/meetings/:meetingId/votes/:topicId',
  tags,
  summary: 'Put some of your dots on a topic (within your budget); 0 takes them back',
  params: voteParams,
  body: voteBody,
  responses: { 200: oneMeeting },
});

export const addTopicReaction = endpoint({
  operationId: 'addTopicReaction',
  scopes: ['meeting'],
  method: 'PUT',
  path: '/api/meetings/:meetingId/topics/:topicId/reactions/:reaction',
  tags,
  summary: 'React to a topic (again: no change)',
  params: reactionParams,
  responses: { 200: oneMeeting },
});

export const removeTopicReaction = endpoint({
  operationId: 'removeTopicReaction',
  scopes: ['meeting'],
  method: 'DELETE',
  path: '/api/meetings/:meetingId/topics/:topicId/reactions/:reaction',
  tags,
  summary: 'Take a reaction back',
  params: reactionParams,
  responses: { 200: oneMeeting },
});
