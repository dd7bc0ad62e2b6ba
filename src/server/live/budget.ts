import type { WebSocket } from 'ws';

/**
 * How many frames a socket may send: a token bucket that refills `perSecond` frames a second up
 * to `burst`. One signed-in socket that floods frames must not slow the server for everyone
 * (issue 14, finding 7; LIVE-SPEC [S3]); the web client's own traffic (a subscribe and an
 * unsubscribe per screen, a ping every 25 s, a facilitator's focus moves) stays far below it.
 */
export interface FrameBudget {
  /** Spend one frame; false once the socket is over its budget. */
  take(): boolean;
  /** Milliseconds until `take()` can succeed again (0 when it can now). */
  wait(): number;
}

export function frameBudget(
  limits: { perSecond: number; burst: number },
  now = () => Date.now(),
): FrameBudget {
  let tokens = limits.burst;
  let last = now();
  const refill = () => {
    const at = now();
    tokens = Math.min(limits.burst, tokens + ((at - last) / 1000) * limits.perSecond);
    last = at;
  };
  return {
    take() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    wait() {
      refill();
      return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / limits.perSecond) * 1000);
    },
  };
}

/** The live socket: frames are small JSON requests, each costing a policy check or a query. */
export const liveFrameBudget = { perSecond: 20, burst: 60 } as const;
/** The collaboration socket: Yjs sends an update per keystroke, and awareness on every caret move. */
export const collabFrameBudget = { perSecond: 100, burst: 400 } as const;
/**
 * Of those, the frames that change a document, each stored before it is acknowledged: read at
 * this pace per person, over all their collaboration sockets in a process (a person types in
 * one place at a time), never refused (see `collab/changePacer.ts`). A fast typist's ten
 * keystrokes a second pass at once; a flood waits in its own sockets' buffers.
 */
export const collabChangeBudget = { perSecond: 10, burst: 20 } as const;

/**
 * One budget per person, shared by their open sockets and dropped with the last of them, so a
 * person's twenty sockets (or several sessions) cost the server what one does.
 */
export class PersonBudgets {
  private readonly byPerson = new Map<string, { budget: FrameBudget; sockets: number }>();

  private readonly limits: { perSecond: number; burst: number };

  constructor(limits: { perSecond: number; burst: number }) {
    this.limits = limits;
  }

  /** The person's budget, held until `socket` closes. */
  hold(personId: string, socket: { once(event: 'close', listener: () => void): unknown }): FrameBudget {
    let entry = this.byPerson.get(personId);
    if (!entry) {
      entry = { budget: frameBudget(this.limits), sockets: 0 };
      this.byPerson.set(personId, entry);
    }
    entry.sockets += 1;
    const held = entry;
    socket.once('close', () => {
      held.sockets -= 1;
      if (held.sockets === 0 && this.byPerson.get(personId) === held) this.byPerson.delete(personId);
    });
    return held.budget;
  }
}

/** Open sockets per session and kind; a session is one browser, which opens one of each per tab. */
export const socketsPerSession = 20;
/** Rooms one live socket may be in at once; a screen needs a handful. */
export const roomsPerSocket = 50;

/**
 * The open sockets of this process, per session: the one over `socketsPerSession` is refused.
 * Counted per process; a deployment of several processes allows that many per process.
 */
export class SessionSockets {
  private readonly bySession = new Map<string, Set<WebSocket>>();

  private readonly cap: number;

  constructor(cap: number = socketsPerSession) {
    this.cap = cap;
  }

  /** Count the socket in; false (and not counted) when its session already has `cap` open. */
  admit(sessionId: string, socket: WebSocket): boolean {
    let open = this.bySession.get(sessionId);
    if (!open) {
      open = new Set();
      this.bySession.set(sessionId, open);
    }
    if (open.size >= this.cap) return false;
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      if (open.size === 0 && this.bySession.get(sessionId) === open) this.bySession.delete(sessionId);
    });
    return true;
  }
}
