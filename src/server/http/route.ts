import type { WebSocket } from '@fastify/websocket';
import type { FastifyReply, FastifyRequest, FastifySchema, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import {
  type EndpointSpec,
  isZod,
  type ParsedBody,
  type ParsedParams,
  type ParsedQuery,
  type ReplyOf,
} from '../../shared/api/endpoint.ts';
import { closeCodes } from '../../shared/live.ts';
import type { App } from '../context.ts';
import { notFound } from '../errors.ts';
import { keepAnswer, runIdempotent } from './idempotency.ts';
import { strictBody } from './strictBody.ts';

export type EndpointRequest<E extends EndpointSpec> = FastifyRequest<{
  Params: ParsedParams<E>;
  Querystring: ParsedQuery<E>;
  Body: ParsedBody<E>;
}>;

/**
 * A handler parses nothing itself (the catalogue's schemas did), runs a command and returns
 * what the endpoint answers; the first success status of the declaration is used unless the
 * handler sent the reply itself (files, redirects).
 */
export type EndpointHandler<E extends EndpointSpec> = (
  request: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<ReplyOf<E> | FastifyReply>;

/** Route options beyond the declaration: hooks that run before the body is read. */
export type RouteExtras = Pick<RouteShorthandOptions, 'onRequest' | 'preHandler' | 'bodyLimit' | 'config'>;

/** The Fastify schema of an endpoint: validation, serialization and the OpenAPI document. */
export function fastifySchema(spec: EndpointSpec): FastifySchema {
  const schema: FastifySchema & Record<string, unknown> = {
    operationId: spec.operationId,
    tags: [...spec.tags],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
  };
  if (spec.params) schema.params = spec.params;
  if (spec.query) schema.querystring = spec.query;
  if (isZod(spec.body)) schema.body = strictBody(spec.body);
  // Only JSON answers go to the serializer; files and upgrades are described in the OpenAPI
  // document (openapi.ts) and sent as they are.
  const response: Record<number, z.ZodType> = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    if (isZod(answer)) response[Number(status)] = answer;
  }
  if (Object.keys(response).length > 0) schema.response = response;
  return schema;
}

function successStatus(spec: EndpointSpec): number {
  const statuses = Object.keys(spec.responses)
    .map(Number)
    .filter((s) => s >= 200 && s < 300)
    .sort((a, b) => a - b);
  return statuses[0] ?? 200;
}

/**
 * The one rule for sessions opened from a scoped link: only endpoints whose declaration names
 * the link's kind answer them; every other one is out of reach (404, like a stranger's id). On a
 * public endpoint (signing in, accepting an invitation, opening another link) such a session is
 * no one at all: the request goes on as an anonymous visitor's, so a scoped session can never be
 * grown into a full one ("the signed-in account accepts its invitation"). A full session, or none,
 * passes (the endpoint's own checks follow). Answers whether the request may go on.
 */
function applyScope(spec: EndpointSpec, request: FastifyRequest): boolean {
  const scope = request.actor?.scope;
  if (!scope || spec.scopes?.includes(scope.kind)) return true;
  if (spec.public !== true) return false;
  request.actor = null;
  return true;
}

/**
 * Registers an endpoint of the catalogue. This is the only way a route is added under /api
 * (a test checks every Fastify route against the catalogue), so the contract and the server
 * cannot drift apart.
 */
export function route<E extends EndpointSpec>(
  app: App,
  spec: E,
  handler: EndpointHandler<E>,
  extras: RouteExtras = {},
): void {
  const status = successStatus(spec);
  app.route({
    ...extras,
    method: spec.method,
    url: spec.path,
    schema: fastifySchema(spec),
    config: { ...(extras.config as object | undefined), operationId: spec.operationId },
    // A create's answer is kept for its retries before it leaves (`http/idempotency.ts`), as the
    // text it is: app-level compression (http/compression.ts) would hand the route's onSend a
    // compressed stream instead, so a create's answer goes uncompressed (it is small).
    ...(spec.idempotent ? { onSend: keepAnswer, compress: false as const } : {}),
    handler: async (request, reply) => {
      if (!applyScope(spec, request)) throw notFound();
      const run = async () => {
        const result = await handler(request as unknown as EndpointRequest<E>, reply);
        if (result === reply || reply.sent) return reply;
        if (reply.statusCode === 200 && status !== 200) reply.status(status);
        return result;
      };
      return spec.idempotent ? runIdempotent(spec, request, reply, run) : run();
    },
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The catalogue endpoint a route was registered from (checked by the catalogue test). */
    operationId?: string;
  }
}

/**
 * Socket upgrades per address and minute, counted apart from REST requests (their own bucket of
 * @fastify/rate-limit, per endpoint): an office behind one address reloading 400 tabs at once
 * must reconnect, not be answered 429 by the REST limit (issue 14, finding 7). The sockets'
 * own caps (frames, rooms, sockets per session: live/budget.ts) bound what each one costs.
 */
export const socketUpgradesPerMinute = 3000;

/** Registers a WebSocket endpoint of the catalogue; the handler gets the upgraded socket. */
export function socketRoute(
  app: App,
  spec: EndpointSpec & { websocket: true },
  handler: (socket: WebSocket, request: FastifyRequest) => void,
): void {
  app.get(
    spec.path,
    {
      websocket: true,
      schema: fastifySchema(spec),
      config: {
        operationId: spec.operationId,
        rateLimit: { max: socketUpgradesPerMinute, timeWindow: '1 minute' },
      },
    },
    (socket, request) => {
      // A scoped session whose page has no use for this socket is closed at the door.
      if (!applyScope(spec, request)) socket.close(closeCodes.unauthorized, 'out of scope');
      else handler(socket, request);
    },
  );
}

export interface SeenRoute {
  method: string;
  url: string;
  operationId: string | undefined;
}

const seenByApp = new WeakMap<object, SeenRoute[]>();

/**
 * Remembers every route Fastify adds, with the catalogue endpoint it came from (if any), so a
 * test can prove that nothing under /api was registered around the catalogue.
 */
export function watchRoutes(app: App): void {
  const seen: SeenRoute[] = [];
  seenByApp.set(app, seen);
  app.addHook('onRoute', (options) => {
    for (const method of [options.method].flat()) {
      seen.push({ method, url: options.url, operationId: options.config?.operationId });
    }
  });
}

export function routesSeen(app: App): readonly SeenRoute[] {
  return seenByApp.get(app) ?? [];
}
