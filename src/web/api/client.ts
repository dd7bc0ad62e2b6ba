import {
  type CallParts,
  type EndpointSpec,
  pathOf,
  queryString,
  type ResponseOf,
  urlOf,
} from '../../shared/api/endpoint.ts';
import { IDEMPOTENCY_HEADER } from '../../shared/api/idempotency.ts';
import type { ErrorBody } from '../../shared/api/index.ts';
import { type Failure, newIdempotencyKey, withRetries } from './retry.ts';

export { urlOf };

/** An error answered by the API, carrying its stable code and per-field messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** The answer's Retry-After header (a 503 from a stopping node, a 429), if any. */
  readonly retryAfter: string | null;

  constructor(status: number, body: ErrorBody['error'], retryAfter: string | null = null) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.retryAfter = retryAfter;
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
  /** Let the request finish while the tab closes (an autosave on leaving). */
  keepalive?: boolean;
  /** A create's key: sent as Idempotency-Key, and the request is retried with it (`retry.ts`). */
  idempotencyKey?: string;
}

/** What a failed send says about retrying it (null: not a failure of the send, e.g. a cancel). */
function failureOf(error: unknown): Failure | null {
  if (error instanceof NetworkError) return { status: null };
  if (error instanceof ApiError)
    return { status: error.status, code: error.code, retryAfter: error.retryAfter };
  return null;
}

function request<T>(method: Method, url: string, options: RequestOptions = {}): Promise<T> {
  // One key for every send of this one action, so the server creates at most once.
  return options.idempotencyKey === undefined
    ? sendOnce<T>(method, url, options)
    : withRetries(() => sendOnce<T>(method, url, options), failureOf);
}

async function sendOnce<T>(method: Method, url: string, options: RequestOptions): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(options.idempotencyKey ? { [IDEMPOTENCY_HEADER]: options.idempotencyKey } : {}),
    },
    ...(options.keepalive ? { keepalive: true } : {}),
  };
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

  const retryAfter = response.headers.get('retry-after');
  const error = isErrorBody(data)
    ? new ApiError(response.status, data.error, retryAfter)
    : new ApiError(
        response.status,
        { code: response.status >= 500 ? 'internal' : 'unknown', message: text },
        retryAfter,
      );
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

// ---------- calls through the endpoint catalogue ----------

type CallOptions = Pick<RequestOptions, 'allowUnauthorized' | 'keepalive'>;

/** `parts` may be left out only when the endpoint needs none of params and body. */
type Args<E extends EndpointSpec> =
  object extends CallParts<E> ? [parts?: CallParts<E> & CallOptions] : [parts: CallParts<E> & CallOptions];

function target<E extends EndpointSpec>(spec: E, parts: { params?: unknown; query?: unknown } = {}): string {
  return (
    pathOf(spec, parts.params as Record<string, unknown> | undefined) +
    queryString(parts.query as Record<string, unknown> | undefined)
  );
}

/**
 * Calls an endpoint of the catalogue: the path, the parts it needs and the answer's type all
 * come from its declaration, so a renamed field or path is a compile error here too.
 */
export function call<E extends EndpointSpec>(spec: E, ...[parts]: Args<E>): Promise<ResponseOf<E>> {
  const options = parts as (CallParts<E> & CallOptions) | undefined;
  return request<ResponseOf<E>>(spec.method, target(spec, options), {
    // A write without a declared body still sends `{}`, as JSON: DELETE and GET send nothing.
    ...(options?.body !== undefined
      ? { body: options.body }
      : spec.method === 'GET' || spec.method === 'DELETE'
        ? {}
        : { body: {} }),
    ...(options?.allowUnauthorized ? { allowUnauthorized: true } : {}),
    ...(options?.keepalive ? { keepalive: true } : {}),
    // A create gets one key per call: per action of the person, reused on its retries.
    ...(spec.idempotent ? { idempotencyKey: newIdempotencyKey() } : {}),
  });
}

/** Sends a file as it is (a spreadsheet import) to an endpoint whose body is `rawBody`. */
export function sendFile<E extends EndpointSpec>(
  spec: E,
  parts: { params?: CallParts<E>['params']; query?: CallParts<E>['query'] },
  data: Blob | ArrayBuffer,
  type: string,
): Promise<ResponseOf<E>> {
  return request<ResponseOf<E>>(spec.method, target(spec, parts), {
    raw: { data, type },
    // An import that creates (topics) is retried like any create, with one key for this file.
    ...(spec.idempotent ? { idempotencyKey: newIdempotencyKey() } : {}),
  });
}

export interface Upload<T> {
  done: Promise<T>;
  cancel: () => void;
}

/**
 * Sends one file (multipart, the endpoint's declared field) with XMLHttpRequest, which, unlike
 * fetch, reports the upload's progress. Rejects with ApiError (413, 415…), NetworkError, or an
 * AbortError when cancelled.
 */
export function uploadFile<E extends EndpointSpec>(
  spec: E,
  parts: { params?: CallParts<E>['params'] },
  file: File,
  onProgress: (fraction: number) => void,
): Upload<ResponseOf<E>> {
  const field = typeof spec.body === 'object' && spec.body && 'kind' in spec.body ? spec.body.kind : null;
  if (field !== 'multipart') throw new Error(`${spec.operationId} takes no file upload`);
  const name = (spec.body as { field: string }).field;
  // One key for the whole upload: a node that stops mid-upload answers 503 with Retry-After and
  // the retry, with the same key, lands on another node; a retry of an upload that did arrive
  // gets its first answer, not a second file.
  const key = spec.idempotent ? newIdempotencyKey() : null;
  let current: XMLHttpRequest | null = null;
  let cancelled = false;
  const cancelledError = () => new DOMException('Upload cancelled', 'AbortError');
  const sendOnce = () =>
    new Promise<ResponseOf<E>>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open(spec.method, target(spec, parts));
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      if (key) xhr.setRequestHeader(IDEMPOTENCY_HEADER, key);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        const data: unknown = xhr.responseText ? safeJson(xhr.responseText) : undefined;
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(data as ResponseOf<E>);
          return;
        }
        if (xhr.status === 401) onUnauthorized();
        const retryAfter = xhr.getResponseHeader('retry-after');
        reject(
          isErrorBody(data)
            ? new ApiError(xhr.status, data.error, retryAfter)
            : new ApiError(
                xhr.status,
                { code: xhr.status === 413 ? 'file_too_large' : 'unknown', message: xhr.responseText },
                retryAfter,
              ),
        );
      };
      xhr.onerror = () => reject(new NetworkError());
      xhr.onabort = () => reject(cancelledError());
      const form = new FormData();
      form.append(name, file, file.name);
      xhr.send(form);
    });
  const done = (key ? withRetries(sendOnce, failureOf, { cancelled: () => cancelled }) : sendOnce()).catch(
    (error: unknown) => {
      throw cancelled ? cancelledError() : error;
    },
  );
  return {
    done,
    cancel: () => {
      cancelled = true;
      current?.abort();
    },
  };
}
