import { z } from 'zod';
import { clientParams } from '../clients.ts';
import { endpoint } from '../endpoint.ts';
import { holiday, holidaysQuery } from '../planning.ts';

export const listHolidays = endpoint({
  operationId: 'listHolidays',
  method: 'GET',
  path: '/api/clients/:clientId/holidays',
  tags: ['schedule'],
  summary: "Public holidays and notable days of the client's country in a month (SMM plans around them)",
  params: clientParams,
  query: holidaysQuery,
  responses: { 200: z.object({ days: z.array(holiday) }) },
});
