import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { activateContingencyBody, changeList, changeResult, logChangeBody } from '../posts.ts';

const tags = ['changes'];
const cycleParams = z.object({ cycleId: z.uuid() });

export const listUnplannedChanges = endpoint({
  operationId: 'listUnplannedChanges',
  method: 'GET',
  path: '/api/cycles/:cycleId/changes',
  tags,
  summary: "The month's unplanned changes, newest first",
  params: cycleParams,
  responses: { 200: changeList },
});

export const logUnplannedChange = endpoint({
  operationId: 'logUnplannedChange',
  method: 'POST',
  idempotent: true,
  path: '/api/cycles/:cycleId/changes',
  tags,
  summary: 'Log an unplanned change: a situational post, a replacement or a same-day rewrite',
  params: cycleParams,
  body: logChangeBody,
  responses: { 201: changeResult },
});

export const activateContingency = endpoint({
  operationId: 'activateContingency',
  method: 'POST',
  idempotent: true,
  path: '/api/contingencies/:contingencyId/activate',
  tags,
  summary: 'Activate a prepared contingency: a slot and a draft post from its concept, logged as covered',
  params: z.object({ contingencyId: z.uuid() }),
  body: activateContingencyBody,
  responses: { 201: changeResult },
});
