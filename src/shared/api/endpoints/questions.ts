import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { meetingParams, question, questionBody, updateQuestionBody } from '../meetings.ts';

// Either side asks; the other answers on the spot, or it goes to the fact request with its topic.
const tags = ['meetings'];
const oneQuestion = z.object({ question });

export const askQuestion = endpoint({
  operationId: 'askQuestion',
  scopes: ['meeting'],
  method: 'POST',
  idempotent: true,
  path: '/api/meetings/:meetingId/questions',
  tags,
  summary: 'Ask a question (about a topic, or in general)',
  params: meetingParams,
  body: questionBody,
  responses: { 201: oneQuestion },
});

export const updateQuestion = endpoint({
  operationId: 'updateQuestion',
  scopes: ['meeting'],
  method: 'PATCH',
  path: '/api/questions/:questionId',
  tags,
  summary: 'Answer a question, mark it for the fact request, or correct it',
  params: z.object({ questionId: z.uuid() }),
  body: updateQuestionBody,
  responses: { 200: oneQuestion },
});
