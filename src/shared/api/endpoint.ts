import type { z } from 'zod';
import type { LinkKind } from './links.ts';

/**
 * One HTTP endpoint of Plit's API, declared once: the server registers its route from it
 * (validation and the OpenAPI document), the web calls it through `request()`, the tests
 * iterate the catalogue. Renaming a field or a path is a compile error on every side.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A response that is a file, not JSON: its media type goes into the OpenAPI document. */
export interface FileResponse {
  readonly kind: 'file';
  readonly mediaType: string;
  readonly description: string;
}

/** The request is a file upload (`multipart/form-data`, one part named `field`). */
export interface MultipartBody {
  readonly kind: 'multipart';
  readonly field: string;
  readonly description: string;
}

/** The request body is a file sent as it is (a spreadsheet import), in one of these types. */
export interface RawBody {
  readonly kind: 'raw';
  readonly mediaTypes: readonly string[];
  readonly description: string;
}

/** A response with no body worth describing (a WebSocket upgrade, a redirect). */
export interface EmptyResponse {
  readonly kind: 'empty';
  readonly description: string;
}

export type ResponseSpec = z.ZodType | FileResponse | EmptyResponse;

export interface EndpointSpec {
  /** Unique, stable, camelCase: the OpenAPI operationId and the key in the catalogue. */
  readonly operationId: string;
  readonly method: Method;
  /** Fastify's syntax: `/api/topics/:topicId`. Every `:name` has a key in `params`. */
  readonly path: `/api/${string}`;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType | MultipartBody | RawBody;
  /** Success responses by status; errors are `errorBody` for every endpoint. */
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Served without a session (login, health, the calendar feed). Default: a session is needed. */
  readonly public?: boolean;
  /** A WebSocket: the request is upgraded, the protocol is in `src/shared/live.ts`. */
  readonly websocket?: boolean;
  /**
   * The scoped links whose sessions may call it (what that link's page needs). A session opened
   * from a link gets 404 from every endpoint not declaring its kind. Default: none.
   */
  readonly scopes?: readonly LinkKind[];
  /**
   * A create that takes an `Idempotency-Key` header: a retry with the same key answers the
   * first result instead of creating again (`server/http/idempotency.ts`). Every POST answering
   * 201 says `true`, or `false` with the reason beside it (a test checks).
   */
  readonly idempotent?: boolean;
}

/** Declares an endpoint; `const` keeps the literal path, method and schemas in the type. */
export function endpoint<const E extends EndpointSpec>(spec: E): E {
  return spec;
}

export const file = (mediaType: string, description: string): FileResponse => ({
  kind: 'file',
  mediaType,
  description,
});

export const multipart = (field: string, description: string): MultipartBody => ({
  kind: 'multipart',
  field,
  description,
});

export const rawBody = (mediaTypes: readonly string[], description: string): RawBody => ({
  kind: 'raw',
  mediaTypes,
  description,
});

export const empty = (description: string): EmptyResponse => ({ kind: 'empty', description });

export function isZod(spec: unknown): spec is z.ZodType {
  return typeof spec === 'object' && spec !== null && '_zod' in spec;
}

// ---------- types derived from a declaration ----------

type Input<S> = S extends z.ZodType ? z.input<S> : undefined;
type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller puts in the path, query and body (before defaults and transforms). */
export type ParamsOf<E extends EndpointSpec> = Input<E['params']>;
export type QueryOf<E extends EndpointSpec> = Input<E['query']>;
export type BodyOf<E extends EndpointSpec> = E['body'] extends z.ZodType ? z.input<E['body']> : undefined;

/** What the server's handler receives after validation. */
export type ParsedParams<E extends EndpointSpec> = Output<E['params']>;
export type ParsedQuery<E extends EndpointSpec> = Output<E['query']>;
export type ParsedBody<E extends EndpointSpec> = E['body'] extends z.ZodType ? z.output<E['body']> : unknown;

type SuccessStatus = 200 | 201 | 202 | 203 | 204;
type JsonResponses<E extends EndpointSpec> = {
  [S in keyof E['responses'] & SuccessStatus]: E['responses'][S] extends z.ZodType
    ? E['responses'][S]
    : never;
}[keyof E['responses'] & SuccessStatus];

/** The JSON a successful call answers (what the web gets back). */
export type ResponseOf<E extends EndpointSpec> = [JsonResponses<E>] extends [never]
  ? undefined
  : z.output<JsonResponses<E>>;

/** What a handler may return for a successful call (before the response schema's transforms). */
export type ReplyOf<E extends EndpointSpec> = [JsonResponses<E>] extends [never]
  ? undefined
  : z.input<JsonResponses<E>>;

/** The parts of a call; a part is required exactly when the endpoint declares it. */
export type CallParts<E extends EndpointSpec> = (E['params'] extends z.ZodType
  ? { params: ParamsOf<E> }
  : { params?: undefined }) &
  (E['query'] extends z.ZodType ? { query?: QueryOf<E> } : { query?: undefined }) &
  (E['body'] extends z.ZodType ? { body: BodyOf<E> } : { body?: undefined });

/** Fills the path's `:name` segments; each value is URI-encoded. */
export function pathOf(spec: Pick<EndpointSpec, 'path'>, params?: Record<string, unknown>): string {
  return spec.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`${spec.path}: the path parameter "${name}" is missing`);
    }
    return encodeURIComponent(String(value));
  });
}

/** A query string from plain values; undefined ones are left out, arrays repeat their key. */
export function queryString(query?: Record<string, unknown>): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL of a call, for links and downloads (`<a href>`, `<img src>`). */
export function urlOf<E extends EndpointSpec>(
  spec: E,
  parts: { params?: ParamsOf<E>; query?: QueryOf<E> } = {},
): string {
  return (
    pathOf(spec, parts.params as Record<string, unknown> | undefined) +
    queryString(parts.query as Record<string, unknown> | undefined)
  );
}

/** The `:name` segments of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
}
