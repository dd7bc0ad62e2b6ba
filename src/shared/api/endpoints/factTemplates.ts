import { z } from 'zod';
import { clientParams } from '../clients.ts';
import { ok } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { createFactTemplateBody, factTemplate, updateFactTemplateBody } from '../facts.ts';

const tags = ['facts'];
const rubricParams = clientParams.extend({ rubricId: z.uuid() });
const templateParams = clientParams.extend({ templateId: z.uuid() });
const oneTemplate = z.object({ template: factTemplate });

export const listFactTemplates = endpoint({
  operationId: 'listFactTemplates',
  method: 'GET',
  path: '/api/clients/:clientId/rubrics/:rubricId/fact-templates',
  tags,
  summary: 'What this rubric always needs from the client',
  params: rubricParams,
  responses: { 200: z.object({ templates: z.array(factTemplate) }) },
});

export const createFactTemplate = endpoint({
  operationId: 'createFactTemplate',
  method: 'POST',
  idempotent: true,
  path: '/api/clients/:clientId/rubrics/:rubricId/fact-templates',
  tags,
  summary: 'Add something this rubric always needs',
  params: rubricParams,
  body: createFactTemplateBody,
  responses: { 201: oneTemplate },
});

export const updateFactTemplate = endpoint({
  operationId: 'updateFactTemplate',
  method: 'PATCH',
  path: '/api/clients/:clientId/fact-templates/:templateId',
  tags,
  summary: 'Change a standing need',
  params: templateParams,
  body: updateFactTemplateBody,
  responses: { 200: oneTemplate },
});

export const deleteFactTemplate = endpoint({
  operationId: 'deleteFactTemplate',
  method: 'DELETE',
  path: '/api/clients/:clientId/fact-templates/:templateId',
  tags,
  summary: 'Stop asking for this by default',
  params: templateParams,
  responses: { 200: ok },
});
