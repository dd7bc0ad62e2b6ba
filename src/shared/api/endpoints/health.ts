import { z } from 'zod';
import { endpoint } from '../endpoint.ts';

export const getHealth = endpoint({
  operationId: 'getHealth',
  method: 'GET',
  path: '/api/health',
  tags: ['system'],
  summary: 'Is Plit up, and on which database',
  responses: {
    200: z.object({
      ok: z.literal(true),
      db: z.enum(['pglite', 'postgres']).describe('The storage engine in use.'),
      version: z.string(),
    }),
  },
  public: true,
});
