import type { WebSocket } from 'ws';

/** A change as it travels to browsers: numbered within its room. */
export interface LiveMessage {
  room: string;
  seq: number;
  event: {
    type: string;
    clientId: string | null;
    subjectType: string;
    subjectId: string;
    data: Record<string, unknown>;
    actorName: string | null;
    at: string;
  };
}

/** The sockets of this process, by room. */
export class LocalHub {
  private readonly rooms = new Map<string, Set<WebSocket>>();

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

  /** Deliver an already-encoded frame: encoding happens once per room, not once per person. */
  deliver(room: string, frame: string): number {
    const members = this.rooms.get(room);
    if (!members) return 0;
    let sent = 0;
    for (const socket of members) {
      if (socket.readyState === socket.OPEN) {
        socket.send(frame);
        sent++;
      }
    }
    return sent;
  }

  size(): number {
    let n = 0;
    for (const members of this.rooms.values()) n += members.size;
    return n;
  }
}

export const encode = (message: LiveMessage) => JSON.stringify({ type: 'event', ...message });
