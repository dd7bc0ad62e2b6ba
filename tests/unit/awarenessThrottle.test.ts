import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AWARENESS_INTERVAL_MS,
  awarenessDocument,
  awarenessThrottle,
} from '../../src/server/collab/awarenessThrottle.ts';

/** A Hocuspocus frame: the document's name (length-prefixed), the message type, a body. */
const frame = (document: string, type: number, body: number[] = [0]) => {
  const name = Buffer.from(document);
  return Uint8Array.from([name.length, ...name, type, ...body]);
};

describe('collaboration awareness throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('[S3] passes a caret update at once, then at most one per interval per document, the latest winning', () => {
    const handled: Uint8Array[] = [];
    const throttle = awarenessThrottle((f) => handled.push(f));
    const updates = Array.from({ length: 50 }, (_, i) => frame('meeting:a:notes', 1, [i]));
    for (const update of updates) throttle.push('meeting:a:notes', update);
    throttle.push('post:b:copy', frame('post:b:copy', 1, [7]));
    // The first of each document went through at once; the rest waits.
    expect(handled).toEqual([updates[0], frame('post:b:copy', 1, [7])]);
    vi.advanceTimersByTime(AWARENESS_INTERVAL_MS);
    expect(handled).toHaveLength(3);
    expect(handled[2]).toEqual(updates[49]);
    // Nothing more was pending.
    vi.advanceTimersByTime(AWARENESS_INTERVAL_MS * 5);
    expect(handled).toHaveLength(3);
  });

  it('[S3] hands nothing on once the socket has closed', () => {
    const handled: Uint8Array[] = [];
    const throttle = awarenessThrottle((f) => handled.push(f));
    throttle.push('d', frame('d', 1, [1]));
    throttle.push('d', frame('d', 1, [2]));
    throttle.stop();
    vi.advanceTimersByTime(AWARENESS_INTERVAL_MS * 2);
    expect(handled).toHaveLength(1);
  });

  it('tells awareness frames from every other frame', () => {
    expect(awarenessDocument(frame('meeting:a:notes', 1))).toBe('meeting:a:notes');
    expect(awarenessDocument(frame('meeting:a:notes', 0))).toBeNull();
    expect(awarenessDocument(frame('meeting:a:notes', 2))).toBeNull();
    expect(awarenessDocument(Uint8Array.from([200]))).toBeNull();
    expect(awarenessDocument(Uint8Array.from([5, 1, 2]))).toBeNull();
  });
});
