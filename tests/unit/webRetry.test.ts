import { afterEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { HAND_OVER_SECONDS } from '../../src/shared/api/idempotency.ts';
import { ApiError, call, NetworkError, uploadFile } from '../../src/web/api/client.ts';
import { type Failure, RETRY_FOR_MS, retryDelayMs, withRetries } from '../../src/web/api/retry.ts';

const cycleId = '0b5a4a4e-7d39-4f4e-9d2c-3f1f0f6a8c11';
const topic = { topic: { id: 't1' } };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const failure = (code: string) => ({ error: { code, message: code } });

/** A fetch that answers from a script and remembers each request's Idempotency-Key. */
function scriptedFetch(script: Array<() => Response>) {
  const keys: Array<string | null> = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    keys.push(new Headers(init.headers).get('idempotency-key'));
    const next = script.shift();
    if (!next) throw new Error('no more answers scripted');
    return next();
  });
  vi.stubGlobal('fetch', fetch);
  return { keys, fetch };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('[16.7] the web retries a create with the key it made for it', () => {
  it('[16.7] decides from the failure: network, 502, 503 (its Retry-After), 504, 409 in progress; nothing else', () => {
    expect(retryDelayMs({ status: null }, 0, 0)).toBe(500);
    expect(retryDelayMs({ status: 502 }, 1, 0)).toBe(1000);
    expect(retryDelayMs({ status: 504 }, 2, 0)).toBe(2000);
    // Backing off, but still asking every few seconds while a node restarts.
    expect(retryDelayMs({ status: null }, 8, 0)).toBe(4000);
    expect(retryDelayMs({ status: 503, retryAfter: '3' }, 0, 0)).toBe(3000);
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(retryDelayMs({ status: 503, retryAfter: 'Sun, 06 Dec 2026 12:00:02 GMT' }, 0, 0, now)).toBe(2000);
    // A server's word is honoured, but not past a bound the person would notice as a hang.
    expect(retryDelayMs({ status: 503, retryAfter: '3600' }, 0, 0)).toBe(10_000);
    expect(retryDelayMs({ status: 409, code: 'request_in_progress', retryAfter: '1' }, 0, 0)).toBe(1000);
    for (const answer of [
      { status: 409, code: 'stale_version' },
      { status: 409, code: 'request_already_done' },
      { status: 422, code: 'idempotency_key_reused' },
      { status: 400, code: 'validation_failed' },
      { status: 500, code: 'internal' },
      { status: 429, code: 'rate_limited', retryAfter: '5' },
    ]) {
      expect(retryDelayMs(answer, 0, 0), answer.code).toBeNull();
    }
  });

  it("[16.7] retries by a deadline past the server's hand-over, not by a count", () => {
    const inProgress = { status: 409, code: 'request_in_progress', retryAfter: '1' };
    // The server hands a dead node's create over after HAND_OVER_SECONDS, and declares a lost
    // answer after as long again: the browser must still be asking then.
    expect(RETRY_FOR_MS).toBeGreaterThan(2 * HAND_OVER_SECONDS * 1000);
    expect(retryDelayMs(inProgress, 20, 20_000)).toBe(1000);
    expect(retryDelayMs({ status: null }, 20, 25_000)).toBe(4000);
    expect(retryDelayMs({ status: 503, retryAfter: '0' }, 20, 25_000)).toBe(0);
    // Never waits past the deadline, and stops at it.
    expect(retryDelayMs({ status: 503, retryAfter: '10' }, 3, RETRY_FOR_MS - 2000)).toBe(2000);
    expect(retryDelayMs(inProgress, 30, RETRY_FOR_MS)).toBeNull();
    expect(retryDelayMs({ status: null }, 30, RETRY_FOR_MS)).toBeNull();
  });

  /** withRetries on a clock that moves only when it waits. */
  function onClock<T>(send: (at: number) => Promise<T>, failureOf = (e: unknown) => e as Failure) {
    let clock = 0;
    const sentAt: number[] = [];
    const done = withRetries(
      () => {
        sentAt.push(clock);
        return send(clock);
      },
      failureOf,
      {
        wait: async (ms) => {
          clock += ms;
        },
        now: () => clock,
      },
    );
    return { done, sentAt };
  }

  it('[16.7] keeps asking while the first send is in progress until the server hands it over (20 s)', async () => {
    // A node killed mid-create: its claim answers request_in_progress until the server takes it
    // over; then the retry creates. A browser giving up first lets the person click again.
    const handedOverAt = 2 * HAND_OVER_SECONDS * 1000;
    const { done, sentAt } = onClock(async (at) => {
      if (at < handedOverAt) throw { status: 409, code: 'request_in_progress', retryAfter: '1' };
      return 'created';
    });
    await expect(done).resolves.toBe('created');
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(handedOverAt);
    expect(sentAt.length).toBeGreaterThan(15);
  });

  it('[16.7] gives the last failure once the deadline has passed', async () => {
    const { done, sentAt } = onClock(
      async () => {
        throw new NetworkError();
      },
      () => ({ status: null }),
    );
    await expect(done).rejects.toBeInstanceOf(NetworkError);
    expect(sentAt.at(-1)).toBe(RETRY_FOR_MS);
    expect(sentAt.slice(0, 5)).toEqual([0, 500, 1500, 3500, 7500]);
  });

  it('[16.7] call() sends one key per action and the same key on its retries (network error, 503)', async () => {
    const { keys } = scriptedFetch([
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(503, failure('internal'), { 'retry-after': '0' }),
      () => json(201, topic),
      () => json(201, topic),
    ]);
    const first = await call(endpoints.createTopic, { params: { cycleId }, body: { title: 'Зерно' } });
    expect(first).toEqual(topic);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(1);
    // The next action is another create: a new key.
    await call(endpoints.createTopic, { params: { cycleId }, body: { title: 'Інша' } });
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('[16.7] call() does not retry an answer, and sends no key where the endpoint takes none', async () => {
    const { keys } = scriptedFetch([() => json(409, failure('stale_version'))]);
    await expect(
      call(endpoints.createTopic, { params: { cycleId }, body: { title: 'x' } }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(keys).toHaveLength(1);
    const plain = scriptedFetch([() => json(503, failure('internal'), { 'retry-after': '0' })]);
    await expect(
      call(endpoints.updateTopic, { params: { topicId: cycleId }, body: { version: 1, title: 'y' } }),
    ).rejects.toMatchObject({ status: 503 });
    // An update is not retried blindly: without a key a second send could apply it twice.
    expect(plain.keys).toEqual([null]);
  });

  it('[16.7] an upload handed back with 503 and Retry-After is sent again with the same key', async () => {
    const sent: Array<{ key: string | null }> = [];
    const answers = [
      { status: 503, body: failure('internal'), retryAfter: '0' },
      { status: 201, body: { request: { id: 'r1' } }, retryAfter: null },
    ];
    class FakeXhr {
      status = 0;
      responseText = '';
      withCredentials = false;
      upload: { onprogress: ((e: unknown) => void) | null } = { onprogress: null };
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      onabort: (() => void) | null = null;
      private headers = new Map<string, string>();
      private answer: (typeof answers)[number] | undefined;
      open() {}
      setRequestHeader(name: string, value: string) {
        this.headers.set(name.toLowerCase(), value);
      }
      getResponseHeader(name: string) {
        return name.toLowerCase() === 'retry-after' ? (this.answer?.retryAfter ?? null) : null;
      }
      send() {
        sent.push({ key: this.headers.get('idempotency-key') ?? null });
        this.answer = answers.shift();
        setTimeout(() => {
          this.status = this.answer!.status;
          this.responseText = JSON.stringify(this.answer!.body);
          this.onload?.();
        }, 0);
      }
      abort() {
        this.onabort?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const upload = uploadFile(
      endpoints.uploadFactFile,
      { params: { itemId: cycleId } },
      new File([new Uint8Array([1, 2, 3])], 'фото.png'),
      () => {},
    );
    await expect(upload.done).resolves.toEqual({ request: { id: 'r1' } });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.key).toBeTruthy();
    expect(sent[1]!.key).toBe(sent[0]!.key);
  });
});
