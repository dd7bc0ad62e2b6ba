import { z } from 'zod';
import { ok } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { agendaItem, createAgendaItemBody, meetingParams, updateAgendaItemBody } from '../meetings.ts';

const tags = ['meetings'];
const itemParams = z.object({ itemId: z.uuid() });
const oneItem = z.object({ item: agendaItem });

export const createAgendaItem = endpoint({
  operationId: 'createAgendaItem',
  method: 'POST',
  idempotent: true,
  path: '/api/meetings/:meetingId/agenda',
  tags,
  summary: 'Add an agenda item (after a given one, or at the end)',
  params: meetingParams,
  body: createAgendaItemBody,
  responses: { 201: oneItem },
});

export const updateAgendaItem = endpoint({
  operationId: 'updateAgendaItem',
  method: 'PATCH',
  path: '/api/agenda-items/:itemId',
  tags,
  summary: 'Rename, re-time or move an agenda item',
  params: itemParams,
  body: updateAgendaItemBody,
  responses: { 200: oneItem },
});

export const deleteAgendaItem = endpoint({
  operationId: 'deleteAgendaItem',
  method: 'DELETE',
  path: '/api/agenda-items/:itemId',
  tags,
  summary: 'Remove an agenda item',
  params: itemParams,
  responses: { 200: ok },
});
