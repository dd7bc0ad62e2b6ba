import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  acceptAnswerBody,
  factMessageBody,
  factRequestFull,
  followUpBody,
  saveDraftBody,
  savedFactDraft,
  submitAnswerBody,
} from '../facts.ts';

const tags = ['facts'];
const params = z.object({ itemId: z.uuid() });
const full = z.object({ request: factRequestFull });

export const saveFactDraft = endpoint({
  operationId: 'saveFactDraft',
  scopes: ['facts'],
  method: 'PUT',
  path: '/api/fact-items/:itemId/draft',
  tags,
  summary: 'Keep what the client is typing (autosave); the agency does not see drafts',
  params,
  body: saveDraftBody,
  responses: { 200: savedFactDraft },
});

export const submitFactAnswer = endpoint({
  operationId: 'submitFactAnswer',
  scopes: ['facts'],
  method: 'POST',
  path: '/api/fact-items/:itemId/answer',
  tags,
  summary: 'Submit the answer: the agency sees it now and reviews it',
  params,
  body: submitAnswerBody,
  responses: { 200: full },
});

export const acceptFactAnswer = endpoint({
  operationId: 'acceptFactAnswer',
  method: 'POST',
  path: '/api/fact-items/:itemId/accept',
  tags,
  summary: 'Accept the answer as it is: one thing fewer for the writer to wait for',
  params,
  body: acceptAnswerBody,
  responses: { 200: full },
});

export const askFactFollowUp = endpoint({
  operationId: 'askFactFollowUp',
  method: 'POST',
  path: '/api/fact-items/:itemId/follow-up',
  tags,
  summary: 'Ask a follow-up question: the item goes back to the client',
  params,
  body: followUpBody,
  responses: { 200: full },
});

export const writeFactMessage = endpoint({
  operationId: 'writeFactMessage',
  scopes: ['facts'],
  method: 'POST',
  idempotent: true,
  path: '/api/fact-items/:itemId/messages',
  tags,
  summary: "Write in an item's thread (either side); it does not change the item's state",
  params,
  body: factMessageBody,
  responses: { 201: full },
});
