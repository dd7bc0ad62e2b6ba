import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { outboxMessage } from '../members.ts';

export const listOutboxMessages = endpoint({
  operationId: 'listOutboxMessages',
  method: 'GET',
  path: '/api/outbox',
  tags: ['outbox'],
  summary: 'Emails Plit sent or kept for your agency, newest first (owners only)',
  responses: { 200: z.object({ messages: z.array(outboxMessage) }) },
});
