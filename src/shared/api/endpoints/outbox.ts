import { z } from 'zod';
import { empty, endpoint, file } from '../endpoint.ts';
import { outboxMessage } from '../members.ts';

export const listOutboxMessages = endpoint({
  operationId: 'listOutboxMessages',
  method: 'GET',
  path: '/api/outbox',
  tags: ['outbox'],
  summary: 'Emails Plit sent or kept for your agency, newest first (owners only)',
  responses: { 200: z.object({ messages: z.array(outboxMessage) }) },
});

export const downloadOutboxAttachment = endpoint({
  operationId: 'downloadOutboxAttachment',
  method: 'GET',
  path: '/api/outbox/:messageId/attachments/:index',
  tags: ['outbox'],
  summary: "One file an email of the outbox carried, by its place in the message's list (owners only)",
  description:
    "Answered with the file's own media type and name, as the email carried it. Today only meeting " +
    'invitations carry a file: their calendar entry (`.ics`).',
  params: z.object({ messageId: z.uuid(), index: z.coerce.number().int().min(0).max(99) }),
  responses: {
    200: file('text/calendar', 'The attached file'),
    403: empty('`forbidden`: only the agency’s owners read its outbox.'),
    404: empty('`not_found`: no such email in your agency, or no file at that place.'),
  },
});
