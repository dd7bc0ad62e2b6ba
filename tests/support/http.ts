import type { App } from '../../src/server/context.ts';
import {
  type CallParts,
  type EndpointSpec,
  pathOf,
  queryString,
  type ResponseOf,
} from '../../src/shared/api/endpoint.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body's bytes, for downloads. */
  raw: Buffer;
  cookie: string | null;
}

/** Call the in-process API as a browser on Plit's own origin would (or anonymously). */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
export async function call<T = any>(
  app: App,
  method: Method,
  url: string,
  options: { cookie?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const res = await app.inject({
    method,
    url,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      origin: 'http://plit.test',
      ...options.headers,
    },
    ...(options.body !== undefined
      ? {
          payload:
            typeof options.body === 'string' || Buffer.isBuffer(options.body)
              ? options.body
              : JSON.stringify(options.body),
        }
      : {}),
  });
  // `__Host-plit_session` on a server whose PUBLIC_URL is https.
  const setCookie = res.cookies.find((c) => c.name === 'plit_session' || c.name === '__Host-plit_session');
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // not JSON: keep the text
  }
  return {
    status: res.statusCode,
    body: body as T,
    headers: res.headers,
    raw: res.rawPayload,
    cookie: setCookie?.value ? `${setCookie.name}=${setCookie.value}` : null,
  };
}

interface As {
  /** The caller's session cookie; anonymous without one. */
  cookie?: string | null;
  headers?: Record<string, string>;
}

/**
 * A valid call through the endpoint catalogue: the path, its parts and the answer's type come
 * from the declaration, so a test cannot drift from the contract. Bad input goes through
 * `raw()`, the one untyped way in.
 */
export function api<E extends EndpointSpec>(
  app: App,
  spec: E,
  parts: CallParts<E> & As,
): Promise<Reply<ResponseOf<E>>> {
  const url =
    pathOf(spec, parts.params as Record<string, unknown> | undefined) +
    queryString(parts.query as Record<string, unknown> | undefined);
  return call(app, spec.method, url, {
    ...(parts.cookie !== undefined ? { cookie: parts.cookie } : {}),
    ...(parts.body !== undefined ? { body: parts.body } : {}),
    ...(parts.headers ? { headers: parts.headers } : {}),
  });
}

/** Calls through the endpoint catalogue as one session: `caller(app, cookie)(endpoints.getPost, parts)`. */
export const caller =
  (app: App, cookie: string) =>
  <E extends EndpointSpec>(spec: E, parts: CallParts<E>) =>
    api(app, spec, { ...parts, cookie });

/** The untyped escape hatch: any method, any URL, any body, for tests of bad input. */
export const raw = call;
