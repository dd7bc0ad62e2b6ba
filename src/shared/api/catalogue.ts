import type { EndpointSpec } from './endpoint.ts';
import * as docs from './endpoints/docs.ts';
import * as sockets from './endpoints/sockets.ts';
import * as topics from './endpoints/topics.ts';

/**
 * Every endpoint of the API, keyed by operationId. The server registers its routes from here,
 * the web calls through here, and the tests iterate it (the role matrix, the OpenAPI lint).
 */
export const endpointModules = { docs, sockets, topics } as const;

export const endpoints = {
  ...docs,
  ...sockets,
  ...topics,
} as const;

export type EndpointId = keyof typeof endpoints;

export const allEndpoints: readonly EndpointSpec[] = Object.values(endpoints);
