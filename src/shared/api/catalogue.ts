import type { EndpointSpec } from './endpoint.ts';
import * as auth from './endpoints/auth.ts';
import * as channels from './endpoints/channels.ts';
import * as clients from './endpoints/clients.ts';
import * as contacts from './endpoints/contacts.ts';
import * as events from './endpoints/events.ts';
import * as health from './endpoints/health.ts';
import * as invitations from './endpoints/invitations.ts';
import * as me from './endpoints/me.ts';
import * as members from './endpoints/members.ts';
import * as notifications from './endpoints/notifications.ts';
import * as outbox from './endpoints/outbox.ts';
import * as rubrics from './endpoints/rubrics.ts';
import * as setup from './endpoints/setup.ts';
import * as topics from './endpoints/topics.ts';

/**
 * Every endpoint of the API, keyed by operationId. The server registers its routes from here,
 * the web calls through here, and the tests iterate it (the role matrix, the OpenAPI lint).
 */
export const endpoints = {
  ...auth,
  ...channels,
  ...clients,
  ...contacts,
  ...events,
  ...health,
  ...invitations,
  ...me,
  ...members,
  ...notifications,
  ...outbox,
  ...rubrics,
  ...setup,
  ...topics,
} as const;

export type EndpointId = keyof typeof endpoints;

export const allEndpoints: readonly EndpointSpec[] = Object.values(endpoints);
