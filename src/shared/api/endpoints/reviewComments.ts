import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { commentBody, meetingParams, reviewComment } from '../meetings.ts';

export const addReviewComment = endpoint({
  operationId: 'addReviewComment',
  scopes: ['meeting'],
  method: 'POST',
  idempotent: true,
  path: '/api/meetings/:meetingId/comments',
  tags: ['meetings'],
  summary: 'Fire mode: comment on a topic or a slot, accepting it or asking for changes',
  params: meetingParams,
  body: commentBody,
  responses: { 201: z.object({ comment: reviewComment }) },
});
