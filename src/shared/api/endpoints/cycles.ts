import { z } from 'zod';
import { clientParams } from '../clients.ts';
import { endpoint } from '../endpoint.ts';
import { cycle, moveStageBody, plan, startCycleBody, updateCycleBody, versionBody } from '../planning.ts';

const tags = ['cycles'];
const cycleParams = z.object({ cycleId: z.uuid() });
const oneCycle = z.object({ cycle });

export const listCycles = endpoint({
  operationId: 'listCycles',
  method: 'GET',
  path: '/api/clients/:clientId/cycles',
  tags,
  summary: "A client's monthly cycles, newest month first",
  params: clientParams,
  responses: { 200: z.object({ cycles: z.array(cycle) }) },
});

export const startCycle = endpoint({
  operationId: 'startCycle',
  method: 'POST',
  idempotent: true,
  path: '/api/clients/:clientId/cycles',
  tags,
  summary: 'Start planning a month ("Plan December 2026")',
  params: clientParams,
  body: startCycleBody,
  responses: { 201: oneCycle },
});

export const getPlan = endpoint({
  operationId: 'getPlan',
  scopes: ['facts', 'review', 'meeting'],
  method: 'GET',
  path: '/api/cycles/:cycleId/plan',
  tags,
  summary: 'The whole plan of a cycle: schedule, topics, cadence, live rooms',
  params: cycleParams,
  responses: { 200: plan },
});

export const updateCycleDeadlines = endpoint({
  operationId: 'updateCycleDeadlines',
  method: 'PATCH',
  path: '/api/cycles/:cycleId',
  tags,
  summary: "Change a cycle's stage deadlines",
  params: cycleParams,
  body: updateCycleBody,
  responses: { 200: oneCycle },
});

export const moveCycleStage = endpoint({
  operationId: 'moveCycleStage',
  method: 'POST',
  path: '/api/cycles/:cycleId/stage',
  tags,
  summary: 'Move the cycle to the next stage (after its checks) or back one',
  params: cycleParams,
  body: moveStageBody,
  responses: { 200: oneCycle },
});

export const shareCycle = endpoint({
  operationId: 'shareCycle',
  method: 'POST',
  path: '/api/cycles/:cycleId/share',
  tags,
  summary: "Share the plan with the client's contacts (read-only until the meeting) and tell them",
  params: cycleParams,
  body: versionBody,
  responses: { 200: oneCycle },
});
