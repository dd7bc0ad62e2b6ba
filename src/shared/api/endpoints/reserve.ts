import { z } from 'zod';
import { clientParams } from '../clients.ts';
import { endpoint } from '../endpoint.ts';
import { reserveQuery, topic, topicPass } from '../planning.ts';

const tags = ['reserve'];

export const listReserve = endpoint({
  operationId: 'listReserve',
  method: 'GET',
  path: '/api/clients/:clientId/reserve',
  tags,
  summary: "The client's reserve: parked and unused topics waiting for a later month",
  description:
    "The agency sees every topic. A client contact is listed only the topics it already knows: ideas from the client's side and topics of a plan shared with it; the rest is the agency's working stock.",
  params: clientParams,
  query: reserveQuery,
  responses: { 200: z.object({ topics: z.array(topic) }) },
});

export const getTopicHistory = endpoint({
  operationId: 'getTopicHistory',
  method: 'GET',
  path: '/api/topics/:topicId/history',
  tags,
  summary: 'Which cycles a topic passed through, and how it left each',
  description:
    'A client contact reads the history of a topic it may see (as in the reserve), with only the months shared with it; any other topic answers 404.',
  params: z.object({ topicId: z.uuid() }),
  responses: { 200: z.object({ passes: z.array(topicPass) }) },
});
