/**
 * One WebSocket per tab to the live socket, shared by every screen that listens. Rooms carry a
 * sequence number: a listener hears each event once, in order, or `null` when it may have
 * missed some (a gap, a reconnect) and should refetch what it shows.
 *
 * Meeting rooms (`meeting:<id>`) also carry frames without numbers: who is present and the
 * facilitator's focus. Only the latest one matters, so they skip the gap check and go to the
 * room's frame listeners as they come.
 *
 * The frames are src/shared/live.ts's; LIVE-SPEC.md states the rules this side keeps.
 */
import {
  type ClientFrame,
  closeCodes,
  LIVE_PROTOCOL,
  type LiveEvent,
  liveSocketUrl,
  RECONNECT_SPREAD_MS,
  reconnectAtOnce,
  type ServerFrame,
  type UnnumberedFrame,
} from '../../shared/live.ts';

export type { LiveEvent, LiveFocus, PresentPerson } from '../../shared/live.ts';

/** `null`: events may have been missed; reload from the API. */
export type LiveListener = (event: LiveEvent | null, room: string) => void;

/** `outdated`: the server speaks a newer protocol; only reloading the page helps. */
export type LiveStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline' | 'outdated';

/** The unnumbered frames of a meeting room, and the server refusing something sent on the socket. */
export type LiveFrame = UnnumberedFrame;

export type FrameListener = (frame: LiveFrame) => void;

/** What the connection needs from the browser; unit tests pass their own. */
export interface LiveEnvironment {
  /** The page's origin, e.g. `https://plit.example`. */
  origin(): string;
  WebSocket: new (url: string) => WebSocket;
  /** Whether the browser believes it is online. */
  online(): boolean;
  /** Where the browser announces `online` and `offline`; null where there is none. */
  events: Pick<EventTarget, 'addEventListener'> | null;
}

const browser = (): LiveEnvironment => ({
  origin: () => window.location.origin,
  WebSocket: globalThis.WebSocket,
  online: () => typeof navigator === 'undefined' || navigator.onLine,
  events: typeof window === 'undefined' ? null : window,
});

interface Room {
  listeners: Set<LiveListener>;
  frameListeners: Set<FrameListener>;
  /** The last number heard in this room; null until the server answered the subscription. */
  seq: number | null;
}

const PING_EVERY = 25_000;
/** Without any frame for this long, the connection is presumed dead (sleeping laptop, proxy). */
const SILENCE_LIMIT = 60_000;
const MAX_DELAY = 30_000;
/** A screen switch leaves and rejoins within moments; keep the socket over that gap. */
const IDLE_CLOSE = 20_000;
/** WebSocket.OPEN: fixed by the standard, and the same for every implementation. */
const OPEN = 1;

export class LiveConnection {
  private socket: WebSocket | null = null;
  private readonly rooms = new Map<string, Room>();
  private status: LiveStatus = 'idle';
  private readonly statusListeners = new Set<() => void>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = 0;
  private clockOffset: number | null = null;
  /** The version the server said it speaks when it turned this page away. */
  private serverProtocol: number | null = null;
  private readonly env: LiveEnvironment;

  constructor(env: LiveEnvironment = browser()) {
    this.env = env;
    env.events?.addEventListener('online', () => this.reconnectNow());
    env.events?.addEventListener('offline', () => {
      if (this.status !== 'outdated') this.setStatus('offline');
    });
  }

  /**
   * Listen in a room; returns the function that stops listening. `onFrame` hears the room's
   * unnumbered frames (presence, focus) and errors about what this tab sent.
   */
  join(name: string, listener: LiveListener, onFrame?: FrameListener): () => void {
    clearTimeout(this.idleTimer);
    let room = this.rooms.get(name);
    if (!room) {
      room = { listeners: new Set(), frameListeners: new Set(), seq: null };
      this.rooms.set(name, room);
      this.send({ type: 'subscribe', room: name });
    }
    room.listeners.add(listener);
    if (onFrame) room.frameListeners.add(onFrame);
    this.ensureConnected();
    return () => this.leave(name, listener, onFrame);
  }

  /**
   * The facilitator moves everyone's focus. Answers false when the socket is not open: the
   * person's own view still moves, and the room catches up with the next move.
   */
  sendFocus(meetingId: string, itemId: string | null, topicId: string | null): boolean {
    if (this.socket?.readyState !== OPEN) return false;
    this.send({ type: 'focus', meetingId, itemId, topicId });
    return true;
  }

  /** The server's clock minus this browser's, from the last frame that carried the time. */
  getClockOffset = (): number | null => this.clockOffset;

  getStatus = (): LiveStatus => this.status;

  onStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  private leave(name: string, listener: LiveListener, onFrame?: FrameListener): void {
    const room = this.rooms.get(name);
    if (!room) return;
    room.listeners.delete(listener);
    if (onFrame) room.frameListeners.delete(onFrame);
    if (room.listeners.size > 0) return;
    this.rooms.delete(name);
    this.send({ type: 'unsubscribe', room: name });
    if (this.rooms.size === 0) {
      this.idleTimer = setTimeout(() => {
        if (this.rooms.size === 0) this.close();
      }, IDLE_CLOSE);
    }
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(frame));
  }

  private ensureConnected(): void {
    // An outdated page stays off: reconnecting would be turned away again, in a loop.
    if (this.socket || this.retryTimer || this.status === 'outdated') return;
    this.open();
  }

  private open(): void {
    this.retryTimer = undefined;
    this.serverProtocol = null;
    let socket: WebSocket;
    try {
      socket = new this.env.WebSocket(liveSocketUrl(this.env.origin()));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    if (this.status !== 'reconnecting' && this.status !== 'offline') this.setStatus('connecting');

    socket.onopen = () => {
      this.attempt = 0;
      this.lastFrameAt = Date.now();
      this.setStatus('online');
      for (const name of this.rooms.keys()) this.send({ type: 'subscribe', room: name });
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.heartbeat(), PING_EVERY);
    };
    socket.onmessage = (message) => {
      this.lastFrameAt = Date.now();
      let parsed: ServerFrame;
      try {
        parsed = JSON.parse(String(message.data)) as ServerFrame;
      } catch {
        return;
      }
      this.handle(parsed);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearInterval(this.pingTimer);
      // The page is older than the server: say so and stay off. A server older than the page
      // (a deploy under way, this tab already on the new build) is retried like any drop.
      if (event.code === closeCodes.outdated && (this.serverProtocol ?? Infinity) > LIVE_PROTOCOL) {
        this.setStatus('outdated');
        return;
      }
      // 4401: the server says this person's access changed (removed, logged out everywhere).
      // Refetch now, so the screen learns it at once (a 401 leads to login, a 404 to "not found").
      if (event.code === closeCodes.unauthorized) for (const name of this.rooms.keys()) this.emit(name, null);
      if (this.rooms.size > 0) this.scheduleReconnect(reconnectAtOnce(event.code));
      else this.setStatus('idle');
    };
    // An error is followed by close, which decides what to do next.
    socket.onerror = () => {};
  }

  private handle(message: ServerFrame): void {
    if ((message.type === 'subscribed' || message.type === 'pong') && typeof message.now === 'number') {
      this.clockOffset = message.now - Date.now();
    }
    // Comes just before the close that says the page is outdated; the close decides.
    if (message.type === 'outdated') {
      this.serverProtocol = message.protocol;
      return;
    }
    // Unnumbered: the latest frame is the truth, whatever the room's number.
    if (message.type === 'presence' || message.type === 'focus') {
      for (const listener of this.rooms.get(message.room)?.frameListeners ?? []) listener(message);
      return;
    }
    // An error names no room: every room that hears frames learns it (e.g. a refused focus move).
    if (message.type === 'error') {
      for (const room of this.rooms.values()) for (const listener of room.frameListeners) listener(message);
      return;
    }
    if (message.type === 'subscribed') {
      const room = this.rooms.get(message.room);
      if (!room) return;
      room.seq = message.seq;
      // Whatever happened between the screen's load (or the lost connection) and now is
      // unknown: the screen reloads once.
      this.emit(message.room, null);
      return;
    }
    // Not allowed in the room (any more): refetching shows the screen what the person may see.
    if (message.type === 'denied') {
      this.emit(message.room, null);
      return;
    }
    if (message.type !== 'event') return;
    const room = this.rooms.get(message.room);
    if (!room || room.seq === null) return;
    if (message.seq <= room.seq) return;
    const gap = message.seq > room.seq + 1;
    room.seq = message.seq;
    this.emit(message.room, gap ? null : message.event);
  }

  private emit(name: string, event: LiveEvent | null): void {
    for (const listener of this.rooms.get(name)?.listeners ?? []) listener(event, name);
  }

  private heartbeat(): void {
    if (Date.now() - this.lastFrameAt > SILENCE_LIMIT) {
      this.socket?.close();
      return;
    }
    this.send({ type: 'ping' });
  }

  /**
   * Exponential backoff with full jitter, so a restarted server is not hit by every tab at once.
   * `soon`: the server said it is going away; the first try comes within moments.
   */
  private scheduleReconnect(soon = false): void {
    for (const room of this.rooms.values()) room.seq = null;
    this.setStatus(this.env.online() ? 'reconnecting' : 'offline');
    const ceiling = Math.min(MAX_DELAY, 1000 * 2 ** this.attempt);
    this.attempt++;
    const delay = soon ? Math.random() * RECONNECT_SPREAD_MS : ceiling / 2 + Math.random() * (ceiling / 2);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private reconnectNow(): void {
    if (this.rooms.size === 0 || this.socket || this.status === 'outdated') return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.open();
  }

  private close(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    if (this.status !== 'outdated') this.setStatus('idle');
  }
}

export const liveConnection = new LiveConnection();
