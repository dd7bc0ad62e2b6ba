import { z } from 'zod';
import { clientParams } from '../clients.ts';
import { ok } from '../common.ts';
import { endpoint, file } from '../endpoint.ts';

const tags = ['exports'];

export const createCalendarFeed = endpoint({
  operationId: 'createCalendarFeed',
  method: 'POST',
  path: '/api/clients/:clientId/calendar-feed',
  tags,
  summary: 'Create a secret iCalendar URL of the posting schedule (any older one stops working)',
  params: clientParams,
  responses: { 200: z.object({ url: z.string().describe('Shown once: only its hash is kept.') }) },
});

export const revokeCalendarFeed = endpoint({
  operationId: 'revokeCalendarFeed',
  method: 'DELETE',
  path: '/api/clients/:clientId/calendar-feed',
  tags,
  summary: "Revoke the client's calendar URL",
  params: clientParams,
  responses: { 200: ok },
});

export const getCalendarFeed = endpoint({
  operationId: 'getCalendarFeed',
  method: 'GET',
  path: '/api/feeds/:feed',
  tags,
  summary: 'The iCalendar feed behind a secret URL (for calendar apps)',
  description:
    'The slots of the open plans that are shared with the client: whoever holds the URL reads it, so a plan still being prepared stays off it.',
  params: z.object({
    feed: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}\.ics$/)
      .describe('The secret token followed by .ics'),
  }),
  responses: { 200: file('text/calendar', "The client's posting schedule as iCalendar events") },
  // Calendar apps fetch it without cookies: the secret in the URL is the key.
  public: true,
});
