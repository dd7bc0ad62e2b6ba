import { z } from 'zod';
import { clientParams, createRubricBody, rubric, updateRubricBody } from '../clients.ts';
import { ok, uuid } from '../common.ts';
import { endpoint } from '../endpoint.ts';

const tags = ['rubrics'];
const rubricParams = clientParams.extend({ rubricId: uuid });
const oneRubric = z.object({ rubric });

export const listRubrics = endpoint({
  operationId: 'listRubrics',
  scopes: ['review', 'meeting'],
  method: 'GET',
  path: '/api/clients/:clientId/rubrics',
  tags,
  summary: "A client's rubrics (content pillars)",
  params: clientParams,
  responses: { 200: z.object({ rubrics: z.array(rubric) }) },
});

export const createRubric = endpoint({
  operationId: 'createRubric',
  method: 'POST',
  idempotent: true,
  path: '/api/clients/:clientId/rubrics',
  tags,
  summary: 'Add a rubric',
  params: clientParams,
  body: createRubricBody,
  responses: { 201: oneRubric },
});

export const updateRubric = endpoint({
  operationId: 'updateRubric',
  method: 'PATCH',
  path: '/api/clients/:clientId/rubrics/:rubricId',
  tags,
  summary: 'Rename or recolour a rubric',
  params: rubricParams,
  body: updateRubricBody,
  responses: { 200: oneRubric },
});

export const deleteRubric = endpoint({
  operationId: 'deleteRubric',
  method: 'DELETE',
  path: '/api/clients/:clientId/rubrics/:rubricId',
  tags,
  summary: 'Remove a rubric',
  params: rubricParams,
  responses: { 200: ok },
});
