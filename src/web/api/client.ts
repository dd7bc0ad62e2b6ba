import type { ErrorBody } from '../../shared/api/index.ts';

/** An error answered by the API, carrying its stable code and per-field messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, body: ErrorBody['error']) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}

/** Raised when the server could not be reached at all (offline, server down). */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => {};

/** The app decides what a 401 means (go to /login); the client only reports it. */
export function setUnauthorizedHandler(handler: Unauthorized): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** A file sent as it is (CSV import), with its content type. */
  raw?: { data: Blob | ArrayBuffer; type: string };
  /** Calls whose 401 is an answer, not an expired session (login). */
  allowUnauthorized?: boolean;
}

async function request<T>(method: Method, url: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (options.body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(options.body);
  } else if (options.raw) {
    init.headers = { ...init.headers, 'content-type': options.raw.type };
    init.body = options.raw.data;
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new NetworkError();
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return data as T;

  const error = isErrorBody(data)
    ? new ApiError(response.status, data.error)
    : new ApiError(response.status, { code: response.status >= 500 ? 'internal' : 'unknown', message: text });
  // A wrong password is an answer about the form; any other 401 means the session is gone.
  if (response.status === 401 && error.code !== 'invalid_credentials' && !options.allowUnauthorized)
    onUnauthorized();
  throw error;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(data: unknown): data is ErrorBody {
  if (typeof data !== 'object' || data === null || !('error' in data)) return false;
  const error = (data as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

/** Builds a query string, skipping undefined values. */
export function withQuery(url: string, query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

export const api = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, options),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', url, { ...options, body: body ?? {} }),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, { body }),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, { body }),
  upload: <T>(url: string, data: Blob | ArrayBuffer, type: string) =>
    request<T>('POST', url, { raw: { data, type } }),
  delete: <T>(url: string) => request<T>('DELETE', url),
};
