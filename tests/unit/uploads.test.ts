import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { ApiError, NetworkError, uploadFile } from '../../src/web/api/client.ts';
import { RETRY_FOR_MS } from '../../src/web/api/retry.ts';

/**
 * The fact answer page and the post editor upload through `uploadFile()`, which replaced their
 * own XMLHttpRequest uploaders: these are the behaviours their upload queues rely on (progress,
 * cancel, the error codes they turn into messages), checked against a stand-in XMLHttpRequest.
 */
class FakeXhr {
  static last: FakeXhr | undefined;
  method = '';
  url = '';
  withCredentials = false;
  headers: Record<string, string> = {};
  body: FormData | undefined;
  status = 0;
  responseText = '';
  upload: {
    onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(_name: string): string | null {
    return null;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.last = this;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

const sent = () => {
  if (!FakeXhr.last) throw new Error('nothing was sent');
  return FakeXhr.last;
};
const itemId = '7f1c2a4e-1d3b-4c5a-9e8f-0a1b2c3d4e5f';
const postId = '0b9a8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d';
const photo = () => new File(['pixels'], 'стенд.jpg', { type: 'image/jpeg' });

beforeEach(() => {
  FakeXhr.last = undefined;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('uploading a file through the catalogue', () => {
  it("sends a fact file as the item's multipart field, reports progress and answers the request", async () => {
    const progress: number[] = [];
    const upload = uploadFile(endpoints.uploadFactFile, { params: { itemId } }, photo(), (f) =>
      progress.push(f),
    );
    const xhr = sent();
    expect([xhr.method, xhr.url, xhr.withCredentials]).toEqual([
      'POST',
      `/api/fact-items/${itemId}/files`,
      true,
    ]);
    expect(xhr.body?.get('file')).toMatchObject({ name: 'стенд.jpg', type: 'image/jpeg' });

    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 25, total: 100 });
    xhr.upload.onprogress?.({ lengthComputable: false, loaded: 50, total: 0 });
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
    xhr.answer(201, { request: { id: 'r1' } });

    expect(progress).toEqual([0.25, 1]);
    await expect(upload.done).resolves.toEqual({ request: { id: 'r1' } });
  });

  it("sends a post asset to the post's path", () => {
    void uploadFile(endpoints.uploadPostAsset, { params: { postId } }, photo(), () => {}).done.catch(
      () => {},
    );
    expect(sent().url).toBe(`/api/posts/${postId}/assets`);
    expect(sent().body?.get('file')).toBeInstanceOf(File);
  });

  it('turns refusals into ApiError: the JSON error code, or file_too_large for a bare 413', async () => {
    const refused = uploadFile(endpoints.uploadPostAsset, { params: { postId } }, photo(), () => {});
    sent().answer(415, { error: { code: 'file_type_not_allowed', message: 'No' } });
    await expect(refused.done).rejects.toMatchObject({ status: 415, code: 'file_type_not_allowed' });

    // A proxy in front of the server answers an oversized body with its own HTML page.
    const tooLarge = uploadFile(endpoints.uploadFactFile, { params: { itemId } }, photo(), () => {});
    sent().answer(413, '<html>Request Entity Too Large</html>');
    const error = await tooLarge.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413, code: 'file_too_large' });
  });

  it('rejects with AbortError when cancelled and with NetworkError when the connection fails', async () => {
    const cancelled = uploadFile(endpoints.uploadFactFile, { params: { itemId } }, photo(), () => {});
    cancelled.cancel();
    await expect(cancelled.done).rejects.toMatchObject({ name: 'AbortError' });

    // A lost connection leaves the outcome unknown: the upload is sent again with its key
    // (issue 16.7) until the retry deadline before the person is told.
    vi.useFakeTimers();
    const startedAt = Date.now();
    const offline = uploadFile(endpoints.uploadPostAsset, { params: { postId } }, photo(), () => {});
    let settled = false;
    const outcome = offline.done
      .catch((e: unknown) => e)
      .finally(() => {
        settled = true;
      });
    const keys = new Set<string | undefined>();
    let sends = 0;
    while (!settled && sends < 100) {
      sends++;
      keys.add(sent().headers['Idempotency-Key']);
      sent().onerror?.();
      await vi.runAllTimersAsync();
    }
    expect(await outcome).toBeInstanceOf(NetworkError);
    expect(Date.now() - startedAt).toBe(RETRY_FOR_MS);
    expect(sends).toBeGreaterThan(3);
    expect(keys.size).toBe(1);

    // Cancelled while it waits to send again: cancelled, not a network error.
    const waiting = uploadFile(endpoints.uploadFactFile, { params: { itemId } }, photo(), () => {});
    const stopped = waiting.done.catch((e: unknown) => e);
    sent().onerror?.();
    waiting.cancel();
    await vi.runAllTimersAsync();
    expect(await stopped).toMatchObject({ name: 'AbortError' });
  });
});
