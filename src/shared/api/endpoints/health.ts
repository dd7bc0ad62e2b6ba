import { z } from 'zod';
import { endpoint } from '../endpoint.ts';

export const getHealth = endpoint({
  operationId: 'getHealth',
  method: 'GET',
  path: '/api/health',
  tags: ['system'],
  summary: 'Is Plit up, and can it save',
  description:
    'Ready means the database and the file storage both take a small write (checked at most every two seconds). A load balancer should send traffic only to nodes that answer 200.',
  responses: {
    200: z.object({
      ok: z.literal(true),
      db: z.enum(['pglite', 'postgres']).describe('The storage engine in use.'),
      version: z.string(),
    }),
    503: z
      .object({
        error: z.object({
          code: z.literal('not_ready'),
          message: z.string().describe("What cannot be written, in the system's words."),
          reason: z.enum(['database_unwritable', 'storage_unwritable']),
        }),
      })
      .describe('Not ready: the database or the file storage refuses writes (read-only or full).'),
  },
  public: true,
});
