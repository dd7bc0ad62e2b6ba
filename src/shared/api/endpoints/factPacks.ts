import { z } from 'zod';
import { endpoint, file } from '../endpoint.ts';

export const downloadFactPack = endpoint({
  operationId: 'downloadFactPack',
  method: 'GET',
  path: '/api/fact-requests/:requestId/packs/:topicId',
  tags: ['facts'],
  summary: "The writer's fact pack for one topic (or `general`): answers and files as a ZIP",
  params: z.object({ requestId: z.uuid(), topicId: z.union([z.uuid(), z.literal('general')]) }),
  responses: { 200: file('application/zip', "The topic's questions, answers and threads, and its files") },
});
