import { HAND_OVER_SECONDS } from '../../shared/api/idempotency.ts';

/**
 * Retries of a create sent with an Idempotency-Key (`client.ts`). The key makes a retry safe:
 * the server answers the first result if the create got through, so a failure whose outcome is
 * unknown (the connection dropped, a proxy found no node, a node stopping handed the request
 * back with 503, the first send still running) is sent again, with the same key, until a
 * deadline. Everything else is an answer.
 *
 * A deadline, not a count: giving up is what makes a duplicate (the person clicks again, with a
 * new key), so the browser keeps asking until the server has had its say. A node killed mid-create
 * leaves its key claimed; the server hands it over after `HAND_OVER_SECONDS` (a retry then runs
 * the create, or is told `request_already_done`), and a create marked done just before that may
 * take as long again to be declared lost: the deadline is past both, with room for a retry.
 */

/** How a send failed: its HTTP status (null: no answer at all), error code and Retry-After. */
export interface Failure {
  status: number | null;
  code?: string | undefined;
  retryAfter?: string | null | undefined;
}

/** Retries stop this long after the first send (30 s: past twice the server's hand-over). */
export const RETRY_FOR_MS = 3 * HAND_OVER_SECONDS * 1000;
// Never wait longer than this on a server's word, so the person is not left hanging.
const MAX_WAIT_MS = 10_000;
const BACKOFF_MS = 500;
// A node restarting or a proxy finding the other node: keep asking every few seconds.
const MAX_BACKOFF_MS = 4000;

/** Seconds or an HTTP date, as Retry-After may say; null when it says neither. */
function retryAfterMs(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * How long to wait before sending again, or null when this failure is an answer (or the deadline
 * has passed). `retriesSoFar` counts the retries already made, `elapsedMs` the time since the
 * first send; the wait never goes past the deadline.
 */
export function retryDelayMs(
  failure: Failure,
  retriesSoFar: number,
  elapsedMs: number,
  now = Date.now(),
): number | null {
  const left = RETRY_FOR_MS - elapsedMs;
  if (left <= 0) return null;
  const backoff = Math.min(BACKOFF_MS * 2 ** retriesSoFar, MAX_BACKOFF_MS);
  const { status } = failure;
  let delay: number | null = null;
  // No answer, or a proxy with no node behind it: the create may or may not have happened.
  if (status === null || status === 502 || status === 504) delay = backoff;
  // A node stopping (or not ready) says when to come back; another node will take it.
  else if (status === 503) delay = Math.min(retryAfterMs(failure.retryAfter, now) ?? backoff, MAX_WAIT_MS);
  // The first send is still running, or its node died and the server has not handed it over yet.
  else if (status === 409 && failure.code === 'request_in_progress') {
    delay = Math.min(retryAfterMs(failure.retryAfter, now) ?? backoff, MAX_WAIT_MS);
  }
  return delay === null ? null : Math.min(delay, left);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send` until it succeeds or fails with an answer; `failureOf` reads a thrown error (null:
 * not a failure to retry, e.g. a cancelled upload). `cancelled` is asked after each wait.
 */
export async function withRetries<T>(
  send: () => Promise<T>,
  failureOf: (error: unknown) => Failure | null,
  options: { wait?: (ms: number) => Promise<void>; cancelled?: () => boolean; now?: () => number } = {},
): Promise<T> {
  const wait = options.wait ?? sleep;
  const now = options.now ?? Date.now;
  const start = now();
  for (let retries = 0; ; retries++) {
    try {
      return await send();
    } catch (error) {
      const failure = failureOf(error);
      const delay = failure ? retryDelayMs(failure, retries, now() - start, now()) : null;
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
