import { z } from 'zod';
import { ok } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import {
  createFactItemBody,
  factItem,
  factRequestFull,
  factRequestPage,
  resendFactRequestBody,
  resentFactRequest,
  updateFactItemBody,
} from '../facts.ts';
import { versionBody } from '../planning.ts';

const tags = ['facts'];
const requestParams = z.object({ requestId: z.uuid() });
const itemParams = z.object({ itemId: z.uuid() });
const oneItem = z.object({ item: factItem });

export const getCycleFactRequest = endpoint({
  operationId: 'getCycleFactRequest',
  method: 'GET',
  path: '/api/cycles/:cycleId/fact-request',
  tags,
  summary: "The month's fact request; the client sees it once the agency has sent it",
  params: z.object({ cycleId: z.uuid() }),
  responses: { 200: z.object({ request: factRequestFull.nullable() }) },
});

export const getFactRequest = endpoint({
  operationId: 'getFactRequest',
  scopes: ['facts'],
  method: 'GET',
  path: '/api/fact-requests/:requestId',
  tags,
  summary: 'A fact request with its month and client: what the emailed link opens',
  params: requestParams,
  responses: { 200: factRequestPage },
});

export const createFactItem = endpoint({
  operationId: 'createFactItem',
  method: 'POST',
  idempotent: true,
  path: '/api/fact-requests/:requestId/items',
  tags,
  summary: 'Ask for one more thing (about a topic, or in general)',
  params: requestParams,
  body: createFactItemBody,
  responses: { 201: oneItem },
});

export const updateFactItem = endpoint({
  operationId: 'updateFactItem',
  method: 'PATCH',
  path: '/api/fact-items/:itemId',
  tags,
  summary: 'Change what an item asks, its kind, due date or contact',
  params: itemParams,
  body: updateFactItemBody,
  responses: { 200: oneItem },
});

export const deleteFactItem = endpoint({
  operationId: 'deleteFactItem',
  method: 'DELETE',
  path: '/api/fact-items/:itemId',
  tags,
  summary: 'Stop asking for something',
  params: itemParams,
  responses: { 200: ok },
});

export const sendFactRequest = endpoint({
  operationId: 'sendFactRequest',
  method: 'POST',
  path: '/api/fact-requests/:requestId/send',
  tags,
  summary: "Send the request to the client's contacts: the facts stage is theirs now",
  params: requestParams,
  body: versionBody,
  responses: { 200: ok },
});

export const resendFactRequest = endpoint({
  operationId: 'resendFactRequest',
  method: 'POST',
  path: '/api/fact-requests/:requestId/resend',
  tags,
  summary: 'Send the request again, to one contact or to all: the same email, each with a fresh link',
  description:
    'Only a sent request that is not complete (409 fact_request_not_out). A contact who got it in the ' +
    'last 5 minutes is skipped; when that leaves nobody, 429 fact_request_resent_recently.',
  params: requestParams,
  body: resendFactRequestBody,
  responses: { 200: resentFactRequest },
});
