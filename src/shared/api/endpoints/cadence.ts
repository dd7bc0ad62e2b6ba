import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { cadenceRule, putCadenceBody, slot } from '../planning.ts';

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

export const applyCadence = endpoint({
  operationId: 'applyCadence',
  method: 'POST',
  path: '/api/cycles/:cycleId/cadence/apply',
  tags,
  summary: 'Fill the month with empty slots from the cadence, never duplicating an existing slot',
  params: cycleParams,
  responses: { 200: z.object({ created: z.int(), slots: z.array(slot) }) },
});
