import type { EndpointSpec } from './endpoint.ts';
import * as agenda from './endpoints/agenda.ts';
import * as docs from './endpoints/docs.ts';
import * as meetingDecisions from './endpoints/meetingDecisions.ts';
import * as meetingExports from './endpoints/meetingExports.ts';
import * as meetings from './endpoints/meetings.ts';
import * as meetingVotes from './endpoints/meetingVotes.ts';
import * as questions from './endpoints/questions.ts';
import * as reviewComments from './endpoints/reviewComments.ts';
import * as sockets from './endpoints/sockets.ts';
import * as topics from './endpoints/topics.ts';

/** The declaration files, one per resource; the catalogue test counts them for duplicates. */
export const endpointModules = {
  agenda,
  docs,
  meetingDecisions,
  meetingExports,
  meetingVotes,
  meetings,
  questions,
  reviewComments,
  sockets,
  topics,
} as const;

/**
 * Every endpoint of the API, keyed by operationId. The server registers its routes from here,
 * the web calls through here, and the tests iterate it (the role matrix, the OpenAPI lint).
 */
export const endpoints = {
  ...agenda,
  ...docs,
  ...meetingDecisions,
  ...meetingExports,
  ...meetingVotes,
  ...meetings,
  ...questions,
  ...reviewComments,
  ...sockets,
  ...topics,
} as const;

export type EndpointId = keyof typeof endpoints;

export const allEndpoints: readonly EndpointSpec[] = Object.values(endpoints);
