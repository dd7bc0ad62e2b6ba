import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClientFrame, closeCodes, LIVE_PROTOCOL, type ServerFrame } from '../../src/shared/live.ts';
import {
  LiveConnection,
  type LiveEnvironment,
  type LiveEvent,
  type LiveFrame,
} from '../../src/web/live/connection.ts';

/** A WebSocket the test plays the server of: it opens, says and closes when told. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  readonly sent: ClientFrame[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly url: string;

  constructor(url: string) {
    this.url = url;
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  /** The page closes it (idle, silence). */
  close() {
    this.drop(1000);
  }
  // What the server does:
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  say(frame: ServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const latest = () => FakeSocket.all.at(-1)!;

function connect(origin = 'https://plit.example') {
  const events = new EventTarget();
  const env: LiveEnvironment = {
    origin: () => origin,
    WebSocket: FakeSocket as unknown as LiveEnvironment['WebSocket'],
    online: () => true,
    events,
  };
  return { connection: new LiveConnection(env), events };
}

const room = 'client:0b8f3f44-3c1e-4a55-9d6a-2f1c0e6a7b10:team';
const meeting = 'meeting:5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function event(seq: number): ServerFrame {
  const body: LiveEvent = {
    type: 'rubric.created',
    clientId: '0b8f3f44-3c1e-4a55-9d6a-2f1c0e6a7b10',
    subjectType: 'rubric',
    subjectId: `rubric-${seq}`,
    data: { name: `Rubric ${seq}`, color: '#2f9e44' },
    actorName: 'Olena',
    at: '2026-11-27T10:00:00.000Z',
  };
  return { type: 'event', room, seq, event: body };
}

/** Join `room` and let the server answer the subscription at `seq`; returns what the listener heard. */
function joined(seq: number) {
  const { connection, events } = connect();
  const heard: Array<LiveEvent | null> = [];
  connection.join(room, (e) => heard.push(e));
  latest().accept();
  latest().say({ type: 'subscribed', room, seq, now: Date.now() });
  return { connection, events, heard };
}

/** Names of the events heard, `null` for "refetch". */
const names = (heard: Array<LiveEvent | null>) => heard.map((e) => (e ? e.subjectId : null));

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the live connection (web)', () => {
  it("[V1] opens the socket at the page's origin, saying which protocol it speaks", () => {
    const { connection } = connect('https://plit.example');
    connection.join(room, () => {});
    expect(latest().url).toBe(`wss://plit.example/api/live?protocol=${LIVE_PROTOCOL}`);
    connect('http://localhost:5173').connection.join(room, () => {});
    expect(latest().url).toBe(`ws://localhost:5173/api/live?protocol=${LIVE_PROTOCOL}`);
  });

  it('[L4] subscribes once open, refetches once when the server answers, then hears each event in order', () => {
    const { connection } = connect();
    const heard: Array<LiveEvent | null> = [];
    connection.join(room, (e) => heard.push(e));
    latest().accept();
    expect(latest().sent).toEqual([{ type: 'subscribe', room }]);
    // Before the answer the count is unknown: an event is not trusted yet.
    latest().say(event(4));
    expect(heard).toEqual([]);
    latest().say({ type: 'subscribed', room, seq: 4, now: Date.now() });
    latest().say(event(5));
    latest().say(event(6));
    expect(names(heard)).toEqual([null, 'rubric-5', 'rubric-6']);
  });

  it('[L3] a gap in the numbers makes the listener refetch, and counting goes on from the new number', () => {
    const { heard } = joined(10);
    latest().say(event(11));
    latest().say(event(14)); // 12 and 13 were missed
    latest().say(event(15));
    latest().say(event(15)); // heard twice: once is enough
    latest().say(event(13)); // late: already covered by the refetch
    expect(names(heard)).toEqual([null, 'rubric-11', null, 'rubric-15']);
  });

  it('[L3] a reconnect makes the listener refetch: what happened while away is unknown', () => {
    const { connection, heard } = joined(20);
    latest().say(event(21));
    const first = latest();
    first.drop(1006);
    expect(connection.getStatus()).toBe('reconnecting');
    // Frames still arriving from the dropped socket are not trusted.
    first.say(event(22));
    vi.advanceTimersByTime(2_000);
    expect(FakeSocket.all).toHaveLength(2);
    const second = latest();
    second.accept();
    expect(second.sent).toEqual([{ type: 'subscribe', room }]);
    second.say(event(23)); // before the new answer: ignored
    second.say({ type: 'subscribed', room, seq: 23, now: Date.now() });
    second.say(event(24));
    expect(names(heard)).toEqual([null, 'rubric-21', null, 'rubric-24']);
    expect(connection.getStatus()).toBe('online');
  });

  it('[A3] a 4401 close (access changed) makes every listener refetch at once, before reconnecting', () => {
    const { heard } = joined(1);
    latest().drop(closeCodes.unauthorized);
    expect(names(heard)).toEqual([null, null]);
  });

  it('[M3] presence and focus frames carry no number: they go to frame listeners and leave the count alone', () => {
    const { connection } = connect();
    const heard: Array<LiveEvent | null> = [];
    const frames: LiveFrame[] = [];
    connection.join(
      meeting,
      (e) => heard.push(e),
      (f) => frames.push(f),
    );
    latest().accept();
    latest().say({ type: 'subscribed', room: meeting, seq: 0, now: Date.now() });
    const focus = { itemId: null, topicId: null, byName: 'Olena', at: '2026-11-27T10:00:00.000Z' };
    latest().say({ type: 'focus', room: meeting, focus });
    latest().say({ type: 'presence', room: meeting, people: [] });
    latest().say({ type: 'error', code: 'forbidden', about: 'focus' });
    expect(frames.map((f) => f.type)).toEqual(['focus', 'presence', 'error']);
    expect(heard).toEqual([null]);
  });

  it('[V2] a page older than the server says so and stays off: no reconnect, whatever happens next', () => {
    const { connection, events } = connect();
    const statuses: string[] = [];
    connection.onStatus(() => statuses.push(connection.getStatus()));
    const heard: Array<LiveEvent | null> = [];
    connection.join(room, (e) => heard.push(e));
    latest().accept();
    latest().say({ type: 'outdated', protocol: LIVE_PROTOCOL + 1 });
    latest().drop(closeCodes.outdated);
    expect(connection.getStatus()).toBe('outdated');

    vi.advanceTimersByTime(10 * 60_000);
    events.dispatchEvent(new Event('online'));
    events.dispatchEvent(new Event('offline'));
    connection.join(meeting, () => {});
    expect(FakeSocket.all).toHaveLength(1);
    expect(connection.getStatus()).toBe('outdated');
    expect(statuses.at(-1)).toBe('outdated');
    expect(heard).toEqual([]);
  });

  it("[S4][16.6] a server going away (1001, or a proxy's 1012) is reconnected to at once, not after the backoff", () => {
    for (const code of [closeCodes.goingAway, 1012]) {
      FakeSocket.all = [];
      const { connection } = joined(5);
      latest().drop(code);
      expect(connection.getStatus()).toBe('reconnecting');
      vi.advanceTimersByTime(250);
      expect(FakeSocket.all).toHaveLength(2);
      latest().accept();
      expect(latest().sent).toEqual([{ type: 'subscribe', room }]);
    }
    // Any other drop waits its backoff (at least half a second on the first try).
    FakeSocket.all = [];
    joined(5);
    latest().drop(1006);
    vi.advanceTimersByTime(250);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('[V2] a server older than the page (a deploy under way) is retried like any drop', () => {
    const { connection } = connect();
    connection.join(room, () => {});
    latest().accept();
    latest().say({ type: 'outdated', protocol: LIVE_PROTOCOL - 1 });
    latest().drop(closeCodes.outdated);
    expect(connection.getStatus()).toBe('reconnecting');
    vi.advanceTimersByTime(2_000);
    expect(FakeSocket.all).toHaveLength(2);
  });
});
