import type { EndpointSpec } from './endpoint.ts';
import * as cadence from './endpoints/cadence.ts';
import * as calendarFeed from './endpoints/calendarFeed.ts';
import * as clientPlans from './endpoints/clientPlans.ts';
import * as cycles from './endpoints/cycles.ts';
import * as planExports from './endpoints/exports.ts';
import * as holidays from './endpoints/holidays.ts';
import * as insights from './endpoints/insights.ts';
import * as reserve from './endpoints/reserve.ts';
import * as slots from './endpoints/slots.ts';
import * as topicImport from './endpoints/topicImport.ts';
import * as topics from './endpoints/topics.ts';

/**
 * Every endpoint of the API, keyed by operationId. The server registers its routes from here,
 * the web calls through here, and the tests iterate it (the role matrix, the OpenAPI lint).
 */
export const endpoints = {
  ...cadence,
  ...calendarFeed,
  ...clientPlans,
  ...cycles,
  ...planExports,
  ...holidays,
  ...insights,
  ...reserve,
  ...slots,
  ...topicImport,
  ...topics,
} as const;

export type EndpointId = keyof typeof endpoints;

export const allEndpoints: readonly EndpointSpec[] = Object.values(endpoints);
