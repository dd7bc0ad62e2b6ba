import type { WebSocket } from 'ws';
import { closeCodes, type EventFrame, type ServerFrame } from '../../shared/live.ts';

/** A change as it travels to browsers: numbered within its room (an `event` frame without its type). */
export type LiveMessage = Omit<EventFrame, 'type'>;

/** Whose a socket is: the person, and the session it was opened with. */
export interface SocketOwner {
  userId: string;
  sessionId: string;
}

/**
 * Which sockets to close: every socket of a person (but those of one session they keep, after
 * a password change) and of any sessions named with them, the sockets of one session (logged
 * out of it), or those of some sessions (opened from links someone copied, whoever holds them).
 */
export type SocketDrop =
  | { userId: string; exceptSessionId?: string; sessionIds?: string[] }
  | { sessionId: string }
  | { sessionIds: string[] };

const SEQ_MEMO_MS = 1000;

/** The sockets of this process, by room, and whose each one is. */
export class LocalHub {
  private readonly rooms = new Map<string, Set<WebSocket>>();
  private readonly owners = new Map<WebSocket, SocketOwner>();
  /** Rooms' numbers read lately, and when: see `recentSeq`. */
  private readonly seqs = new Map<string, { seq: number; at: number }>();

  /** Remember whose socket this is and which session opened it, so ending either can close it. */
  track(socket: WebSocket, owner: SocketOwner): void {
    this.owners.set(socket, owner);
  }

  /** Close the sockets a drop names; the browser reconnects and rejoins what it still may. */
  drop(which: SocketDrop): number {
    let closed = 0;
    for (const [socket, owner] of this.owners) {
      if (!matches(owner, which)) continue;
      this.leaveAll(socket);
      this.owners.delete(socket);
      socket.close(closeCodes.unauthorized, 'access changed');
      closed++;
    }
    return closed;
  }

  join(room: string, socket: WebSocket): void {
    let members = this.rooms.get(room);
    if (!members) {
      members = new Set();
      this.rooms.set(room, members);
    }
    members.add(socket);
  }

  leave(room: string, socket: WebSocket): void {
    const members = this.rooms.get(room);
    if (!members) return;
    members.delete(socket);
    if (members.size === 0) this.rooms.delete(room);
  }

  leaveAll(socket: WebSocket): void {
    for (const room of [...this.rooms.keys()]) this.leave(room, socket);
  }

  forget(socket: WebSocket): void {
    this.leaveAll(socket);
    this.owners.delete(socket);
  }

  /**
   * Deliver an already-encoded frame: encoding happens once per room, not once per person,
   * down to the bytes (a string would be turned into UTF-8 again for every socket).
   */
  deliver(room: string, frame: string): number {
    // The room has moved on: the next join reads its number again.
    this.seqs.delete(room);
    const members = this.rooms.get(room);
    if (!members) return 0;
    const bytes = Buffer.from(frame);
    let sent = 0;
    for (const socket of members) {
      if (socket.readyState === socket.OPEN) {
        socket.send(bytes, { binary: false });
        sent++;
      }
    }
    return sent;
  }

  /**
   * A room's number read from the database less than `SEQ_MEMO_MS` ago, with nothing delivered
   * to the room since; null otherwise. A subscribe flood (LIVE-SPEC [S3]) then costs one read
   * per room a second instead of one per frame. A number that turns out low is safe: the next
   * event looks like a gap and the browser refetches (L3); it can never be too high, so no
   * event is dropped.
   */
  recentSeq(room: string, now = Date.now()): number | null {
    const memo = this.seqs.get(room);
    if (!memo) return null;
    if (now - memo.at < SEQ_MEMO_MS) return memo.seq;
    this.seqs.delete(room);
    return null;
  }

  rememberSeq(room: string, seq: number, now = Date.now()): number {
    this.seqs.set(room, { seq, at: now });
    return seq;
  }

  size(): number {
    let n = 0;
    for (const members of this.rooms.values()) n += members.size;
    return n;
  }
}

function matches(owner: SocketOwner, which: SocketDrop): boolean {
  if ('sessionId' in which) return owner.sessionId === which.sessionId;
  if (which.sessionIds?.includes(owner.sessionId)) return true;
  return 'userId' in which && owner.userId === which.userId && owner.sessionId !== which.exceptSessionId;
}

/** Every frame the server sends goes through here, so it is one of the protocol's. */
export const encodeFrame = (frame: ServerFrame): string => JSON.stringify(frame);

export const encode = (message: LiveMessage) => encodeFrame({ type: 'event', ...message });
