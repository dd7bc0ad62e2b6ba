import type { App } from '../../src/server/context.ts';

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
  const setCookie = res.cookies.find((c) => c.name === 'plit_session');
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
    cookie: setCookie?.value ? `plit_session=${setCookie.value}` : null,
  };
}
