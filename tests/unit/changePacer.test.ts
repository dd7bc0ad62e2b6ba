import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isDocumentChange } from '../../src/server/collab/awarenessThrottle.ts';
import { changePacer } from '../../src/server/collab/changePacer.ts';
import { frameBudget, PersonBudgets } from '../../src/server/live/budget.ts';

/** A Hocuspocus frame: the document's name (length-prefixed), the message type, a body. */
const frame = (type: number, body: number[]) => {
  const name = Buffer.from('post:1:copy');
  return Uint8Array.from([name.length, ...name, type, ...body]);
};
const SYNC = 0;
const AWARENESS = 1;
const change = (n: number) => frame(SYNC, [2, 1, n]);
const caret = (n: number) => frame(AWARENESS, [1, n]);

function setUp(limits = { perSecond: 10, burst: 3 }) {
  const socket = { paused: false, pause: vi.fn(), resume: vi.fn() };
  socket.pause.mockImplementation(() => {
    socket.paused = true;
  });
  socket.resume.mockImplementation(() => {
    socket.paused = false;
  });
  const handled: Uint8Array[] = [];
  const overflow = vi.fn();
  const pacer = changePacer(socket, frameBudget(limits), isDocumentChange, (f) => handled.push(f), overflow);
  return { socket, handled, overflow, pacer };
}

describe('collaboration change pacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('[S3] tells document changes from other frames', () => {
    expect(isDocumentChange(frame(SYNC, [1, 0]))).toBe(true); // sync step 2
    expect(isDocumentChange(frame(SYNC, [2, 0]))).toBe(true); // update
    expect(isDocumentChange(frame(SYNC, [0, 0]))).toBe(false); // sync step 1 asks, brings nothing
    expect(isDocumentChange(caret(1))).toBe(false);
    expect(isDocumentChange(Uint8Array.from([200]))).toBe(false);
  });

  it('[S3] hands changes on at once within the burst, then at the budget pace with the socket paused, in order', () => {
    const { socket, handled, pacer } = setUp();
    const sent = [change(0), change(1), change(2), change(3), caret(4), change(5)];
    for (const f of sent) pacer.push(f);
    // The burst of 3 passes; the fourth change waits, and the caret behind it waits too.
    expect(handled).toEqual(sent.slice(0, 3));
    expect(socket.pause).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    // One change a tenth of a second: the fourth, then the caret that needs no budget.
    expect(handled).toEqual(sent.slice(0, 5));
    expect(socket.paused).toBe(true);
    vi.advanceTimersByTime(100);
    expect(handled).toEqual(sent);
    expect(socket.paused).toBe(false);
    expect(socket.resume).toHaveBeenCalledTimes(1);
  });

  it('[S3] frames other than changes pass at once while nothing is held', () => {
    const { socket, handled, pacer } = setUp({ perSecond: 10, burst: 1 });
    pacer.push(change(0));
    for (let i = 0; i < 20; i++) pacer.push(caret(i));
    expect(handled).toHaveLength(21);
    expect(socket.pause).not.toHaveBeenCalled();
  });

  it('[S3] a socket whose held frames keep growing is given up on, and nothing is handed on once stopped', () => {
    const { handled, overflow, pacer } = setUp({ perSecond: 1, burst: 1 });
    for (let i = 0; i < 2002; i++) pacer.push(change(i % 100));
    expect(overflow).toHaveBeenCalled();
    pacer.stop();
    vi.advanceTimersByTime(10_000);
    expect(handled).toHaveLength(1);
  });

  it("[S3] one person's sockets share one change budget, another person has their own, and it goes with the last socket", () => {
    const budgets = new PersonBudgets({ perSecond: 10, burst: 2 });
    const first = new EventEmitter();
    const second = new EventEmitter();
    const mine = budgets.hold('person-a', first);
    expect(budgets.hold('person-a', second)).toBe(mine);
    expect(budgets.hold('person-b', new EventEmitter())).not.toBe(mine);
    expect(mine.take()).toBe(true);
    expect(mine.take()).toBe(true);
    expect(mine.take()).toBe(false);
    first.emit('close');
    const third = new EventEmitter();
    expect(budgets.hold('person-a', third)).toBe(mine);
    second.emit('close');
    third.emit('close');
    // Their last socket closed: the next one starts from a full budget.
    const fresh = budgets.hold('person-a', new EventEmitter());
    expect(fresh).not.toBe(mine);
    expect(fresh.take()).toBe(true);
  });
});
