import type { EndpointSpec } from './endpoint.ts';
import * as factAnswers from './endpoints/factAnswers.ts';
import * as factFiles from './endpoints/factFiles.ts';
import * as factLinks from './endpoints/factLinks.ts';
import * as factPacks from './endpoints/factPacks.ts';
import * as factRequests from './endpoints/factRequests.ts';
import * as factTemplates from './endpoints/factTemplates.ts';
import * as postAssets from './endpoints/postAssets.ts';
import * as postComments from './endpoints/postComments.ts';
import * as posts from './endpoints/posts.ts';
import * as topics from './endpoints/topics.ts';
import * as unplannedChanges from './endpoints/unplannedChanges.ts';

/**
 * Every endpoint of the API, keyed by operationId. The server registers its routes from here,
 * the web calls through here, and the tests iterate it (the role matrix, the OpenAPI lint).
 */
export const endpoints = {
  ...factAnswers,
  ...factFiles,
  ...factLinks,
  ...factPacks,
  ...factRequests,
  ...factTemplates,
  ...postAssets,
  ...postComments,
  ...posts,
  ...unplannedChanges,
  ...topics,
} as const;

export type EndpointId = keyof typeof endpoints;

export const allEndpoints: readonly EndpointSpec[] = Object.values(endpoints);
