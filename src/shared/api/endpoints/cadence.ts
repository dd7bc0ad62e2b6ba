import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  appliedCadence,
  cadencePreview,
  cadenceRule,
  putCadenceBody,
  undoCadenceBody,
  undoCadenceResult,
} from '../planning.ts';

const tags = ['schedule'];
const cycleParams = z.object({ cycleId: z.uuid() });

export const replaceCadence = endpoint({
  operationId: 'replaceCadence',
  method: 'PUT',
  path: '/api/cycles/:cycleId/cadence',
  tags,
  summary: "Replace the cycle's cadence rules (e.g. Instagram post Mon/Wed/Fri 10:00)",
  params: cycleParams,
  body: putCadenceBody,
  responses: { 200: z.object({ cadence: z.array(cadenceRule) }) },
});

export const previewCadence = endpoint({
  operationId: 'previewCadence',
  method: 'GET',
  path: '/api/cycles/:cycleId/cadence/preview',
  tags,
  summary: 'The slots filling the month would create, and those it would skip with the reason',
  params: cycleParams,
  responses: { 200: cadencePreview },
});

export const applyCadence = endpoint({
  operationId: 'applyCadence',
  method: 'POST',
  idempotent: true,
  path: '/api/cycles/:cycleId/cadence/apply',
  tags,
  summary:
    'Fill the month with empty slots from the cadence (as the preview shows), skipping times taken on a channel',
  params: cycleParams,
  responses: { 200: appliedCadence },
});

export const undoCadence = endpoint({
  operationId: 'undoCadence',
  method: 'POST',
  path: '/api/cycles/:cycleId/cadence/undo',
  tags,
  summary: 'Undo a fill: remove the slots it created, keeping (and naming) those a topic was put in since',
  params: cycleParams,
  body: undoCadenceBody,
  responses: { 200: undoCadenceResult },
});
