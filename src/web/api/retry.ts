/**
 * Retries of a create sent with an Idempotency-Key (`client.ts`). The key makes a retry safe:
 * the server answers the first result if the create got through, so a failure whose outcome is
 * unknown (the connection dropped, a proxy found no node, a node stopping handed the request
 * back with 503) is sent again, with the same key, a few times. Everything else is an answer.
 */

/** How a send failed: its HTTP status (null: no answer at all), error code and Retry-After. */
export interface Failure {
  status: number | null;
  code?: string | undefined;
  retryAfter?: string | null | undefined;
}

/** Sends after the first one, at most: a person waits seconds, not minutes, before being told. */
export const MAX_RETRIES = 3;
// Never wait longer than this on a server's word, so the person is not left hanging.
const MAX_WAIT_MS = 10_000;
const BACKOFF_MS = 500;

/** Seconds or an HTTP date, as Retry-After may say; null when it says neither. */
function retryAfterMs(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * How long to wait before sending again, or null when this failure is an answer (or the retries
 * are used up). `retriesSoFar` counts the retries already made.
 */
export function retryDelayMs(failure: Failure, retriesSoFar: number, now = Date.now()): number | null {
  if (retriesSoFar >= MAX_RETRIES) return null;
  const backoff = BACKOFF_MS * 2 ** retriesSoFar;
  const { status } = failure;
  // No answer, or a proxy with no node behind it: the create may or may not have happened.
  if (status === null || status === 502 || status === 504) return backoff;
  // A node stopping (or not ready) says when to come back; another node will take it.
  if (status === 503) return Math.min(retryAfterMs(failure.retryAfter, now) ?? backoff, MAX_WAIT_MS);
  // The first send is still running (the connection dropped, not the request): ask again soon.
  if (status === 409 && failure.code === 'request_in_progress') {
    return Math.min(retryAfterMs(failure.retryAfter, now) ?? backoff, MAX_WAIT_MS);
  }
  return null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send` until it succeeds or fails with an answer; `failureOf` reads a thrown error (null:
 * not a failure to retry, e.g. a cancelled upload). `cancelled` is asked after each wait.
 */
export async function withRetries<T>(
  send: () => Promise<T>,
  failureOf: (error: unknown) => Failure | null,
  options: { wait?: (ms: number) => Promise<void>; cancelled?: () => boolean } = {},
): Promise<T> {
  const wait = options.wait ?? sleep;
  for (let retries = 0; ; retries++) {
    try {
      return await send();
    } catch (error) {
      const failure = failureOf(error);
      const delay = failure ? retryDelayMs(failure, retries) : null;
      if (delay === null || options.cancelled?.()) throw error;
      await wait(delay);
      if (options.cancelled?.()) throw error;
    }
  }
}

/**
 * A fresh key for one thing the person means to create. From `getRandomValues`, which browsers
 * give on plain http too (`randomUUID` needs a secure context: a LAN install without TLS).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
