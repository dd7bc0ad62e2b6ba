import { z } from 'zod';
import { ok } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import {
  createSlotBody,
  deleteSlotsBody,
  duplicateSlotBody,
  placeTopicBody,
  slot,
  updateSlotBody,
} from '../planning.ts';

const tags = ['schedule'];
const cycleParams = z.object({ cycleId: z.uuid() });
const slotParams = z.object({ slotId: z.uuid() });
const oneSlot = z.object({ slot });

export const createSlot = endpoint({
  operationId: 'createSlot',
  method: 'POST',
  idempotent: true,
  path: '/api/cycles/:cycleId/slots',
  tags,
  summary: 'Add a slot to the posting schedule',
  params: cycleParams,
  body: createSlotBody,
  responses: { 201: oneSlot },
});

export const updateSlot = endpoint({
  operationId: 'updateSlot',
  method: 'PATCH',
  path: '/api/slots/:slotId',
  tags,
  summary: 'Move or change a slot (date, time, channel, format, rubric)',
  params: slotParams,
  body: updateSlotBody,
  responses: { 200: oneSlot },
});

export const deleteSlot = endpoint({
  operationId: 'deleteSlot',
  method: 'DELETE',
  path: '/api/slots/:slotId',
  tags,
  summary: 'Remove a slot (its topic stays in the plan)',
  params: slotParams,
  responses: { 200: ok },
});

export const deleteSlots = endpoint({
  operationId: 'deleteSlots',
  method: 'POST',
  path: '/api/cycles/:cycleId/slots/delete',
  tags,
  summary:
    'Remove several slots of one plan at once (their topics stay in the plan); any id not in the plan is 404 and nothing is removed',
  params: cycleParams,
  body: deleteSlotsBody,
  responses: { 200: z.object({ deleted: z.int() }) },
});

export const duplicateSlot = endpoint({
  operationId: 'duplicateSlot',
  method: 'POST',
  idempotent: true,
  path: '/api/slots/:slotId/duplicate',
  tags,
  summary: 'Copy a slot (without its topic), on the same or another date',
  params: slotParams,
  body: duplicateSlotBody,
  responses: { 201: oneSlot },
});

export const placeTopicInSlot = endpoint({
  operationId: 'placeTopicInSlot',
  method: 'PUT',
  path: '/api/slots/:slotId/topic',
  tags,
  summary: 'Put a topic in a slot (moving it from another slot), or take it out',
  params: slotParams,
  body: placeTopicBody,
  responses: { 200: oneSlot },
});
