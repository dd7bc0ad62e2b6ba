import type { EndpointSpec } from './endpoint.ts';
import * as agenda from './endpoints/agenda.ts';
import * as auth from './endpoints/auth.ts';
import * as cadence from './endpoints/cadence.ts';
import * as calendarFeed from './endpoints/calendarFeed.ts';
import * as channels from './endpoints/channels.ts';
import * as clientPlans from './endpoints/clientPlans.ts';
import * as clients from './endpoints/clients.ts';
import * as contacts from './endpoints/contacts.ts';
import * as cycles from './endpoints/cycles.ts';
import * as docs from './endpoints/docs.ts';
import * as events from './endpoints/events.ts';
import * as planExports from './endpoints/exports.ts';
import * as factAnswers from './endpoints/factAnswers.ts';
import * as factFiles from './endpoints/factFiles.ts';
import * as factPacks from './endpoints/factPacks.ts';
import * as factRequests from './endpoints/factRequests.ts';
import * as factTemplates from './endpoints/factTemplates.ts';
import * as health from './endpoints/health.ts';
import * as holidays from './endpoints/holidays.ts';
import * as insights from './endpoints/insights.ts';
import * as invitations from './endpoints/invitations.ts';
import * as links from './endpoints/links.ts';
import * as me from './endpoints/me.ts';
import * as meetingDecisions from './endpoints/meetingDecisions.ts';
import * as meetingExports from './endpoints/meetingExports.ts';
import * as meetings from './endpoints/meetings.ts';
import * as meetingVotes from './endpoints/meetingVotes.ts';
import * as members from './endpoints/members.ts';
import * as notifications from './endpoints/notifications.ts';
import * as outbox from './endpoints/outbox.ts';
import * as postAssets from './endpoints/postAssets.ts';
import * as postComments from './endpoints/postComments.ts';
import * as posts from './endpoints/posts.ts';
import * as questions from './endpoints/questions.ts';
import * as reserve from './endpoints/reserve.ts';
import * as reviewComments from './endpoints/reviewComments.ts';
import * as rubrics from './endpoints/rubrics.ts';
import * as setup from './endpoints/setup.ts';
import * as slots from './endpoints/slots.ts';
import * as sockets from './endpoints/sockets.ts';
import * as todo from './endpoints/todo.ts';
import * as topicImport from './endpoints/topicImport.ts';
import * as topics from './endpoints/topics.ts';
import * as unplannedChanges from './endpoints/unplannedChanges.ts';

/** The declaration files, one per resource; the catalogue test counts them for duplicates. */
export const endpointModules = {
  agenda,
  auth,
  cadence,
  calendarFeed,
  channels,
  clientPlans,
  clients,
  contacts,
  cycles,
  docs,
  events,
  planExports,
  factAnswers,
  factFiles,
  factPacks,
  factRequests,
  factTemplates,
  health,
  holidays,
  insights,
  invitations,
  links,
  me,
  meetingDecisions,
  meetingExports,
  meetingVotes,
  meetings,
  members,
  notifications,
  outbox,
  postAssets,
  postComments,
  posts,
  questions,
  reserve,
  reviewComments,
  rubrics,
  setup,
  slots,
  sockets,
  todo,
  topicImport,
  topics,
  unplannedChanges,
} as const;

/**
 * Every endpoint of the API, keyed by operationId. The server registers its routes from here,
 * the web calls through here, and the tests iterate it (the role matrix, the OpenAPI lint).
 */
export const endpoints = {
  ...agenda,
  ...auth,
  ...cadence,
  ...calendarFeed,
  ...channels,
  ...clientPlans,
  ...clients,
  ...contacts,
  ...cycles,
  ...docs,
  ...events,
  ...planExports,
  ...factAnswers,
  ...factFiles,
  ...factPacks,
  ...factRequests,
  ...factTemplates,
  ...health,
  ...holidays,
  ...insights,
  ...invitations,
  ...links,
  ...me,
  ...meetingDecisions,
  ...meetingExports,
  ...meetingVotes,
  ...meetings,
  ...members,
  ...notifications,
  ...outbox,
  ...postAssets,
  ...postComments,
  ...posts,
  ...questions,
  ...reserve,
  ...reviewComments,
  ...rubrics,
  ...setup,
  ...slots,
  ...sockets,
  ...todo,
  ...topicImport,
  ...topics,
  ...unplannedChanges,
} as const;

export type EndpointId = keyof typeof endpoints;

export const allEndpoints: readonly EndpointSpec[] = Object.values(endpoints);
