import { z } from 'zod';
import { clientParams, event, eventsQuery } from '../clients.ts';
import { endpoint } from '../endpoint.ts';

export const listClientEvents = endpoint({
  operationId: 'listClientEvents',
  method: 'GET',
  path: '/api/clients/:clientId/events',
  tags: ['activity'],
  summary: "A client's activity feed, newest first",
  params: clientParams,
  query: eventsQuery,
  responses: {
    200: z.object({
      events: z.array(event),
      nextBefore: z.int().nullable().describe('Pass as `before` for the next page; null at the end.'),
    }),
  },
});
