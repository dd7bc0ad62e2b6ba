import { z } from 'zod';
import {
  clientPlan,
  contingency,
  createClientPlanBody,
  createContingencyBody,
  updateClientPlanBody,
  updateContingencyBody,
} from '../clientPlans.ts';
import { ok } from '../common.ts';
import { endpoint } from '../endpoint.ts';

const tags = ['client plans'];
const cycleParams = z.object({ cycleId: z.uuid() });
const planParams = z.object({ planId: z.uuid() });
const contingencyParams = z.object({ contingencyId: z.uuid() });
const onePlan = z.object({ plan: clientPlan });
const oneContingency = z.object({ contingency });

export const listClientPlans = endpoint({
  operationId: 'listClientPlans',
  scopes: ['meeting'],
  method: 'GET',
  path: '/api/cycles/:cycleId/client-plans',
  tags,
  summary: "The client's plans for the month, each with its prepared contingencies",
  params: cycleParams,
  responses: { 200: z.object({ plans: z.array(clientPlan) }) },
});

export const createClientPlan = endpoint({
  operationId: 'createClientPlan',
  method: 'POST',
  idempotent: true,
  path: '/api/cycles/:cycleId/client-plans',
  tags,
  summary: 'Add something the client expects this month',
  params: cycleParams,
  body: createClientPlanBody,
  responses: { 201: onePlan },
});

export const updateClientPlan = endpoint({
  operationId: 'updateClientPlan',
  method: 'PATCH',
  path: '/api/client-plans/:planId',
  tags,
  summary: "Change a client's plan",
  params: planParams,
  body: updateClientPlanBody,
  responses: { 200: onePlan },
});

export const deleteClientPlan = endpoint({
  operationId: 'deleteClientPlan',
  method: 'DELETE',
  path: '/api/client-plans/:planId',
  tags,
  summary: "Remove a client's plan and its contingencies",
  params: planParams,
  responses: { 200: ok },
});

export const createContingency = endpoint({
  operationId: 'createContingency',
  method: 'POST',
  idempotent: true,
  path: '/api/client-plans/:planId/contingencies',
  tags,
  summary: 'Prepare a "what if" situational post for a client plan',
  params: planParams,
  body: createContingencyBody,
  responses: { 201: oneContingency },
});

export const updateContingency = endpoint({
  operationId: 'updateContingency',
  method: 'PATCH',
  path: '/api/contingencies/:contingencyId',
  tags,
  summary: 'Change a prepared contingency',
  params: contingencyParams,
  body: updateContingencyBody,
  responses: { 200: oneContingency },
});

export const deleteContingency = endpoint({
  operationId: 'deleteContingency',
  method: 'DELETE',
  path: '/api/contingencies/:contingencyId',
  tags,
  summary: 'Remove a prepared contingency',
  params: contingencyParams,
  responses: { 200: ok },
});
