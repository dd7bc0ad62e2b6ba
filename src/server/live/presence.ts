import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { PresentPerson, RoomMember } from '../../shared/live.ts';

/** One process's view of one room: who is connected here. */
interface Part {
  people: RoomMember[];
  at: number;
}

const PART_TTL = 45_000;

/**
 * Who is in each meeting room, across server processes. Each process knows its own sockets
 * and announces its part of a room over the bus whenever it changes (and every few seconds,
 * so a crashed process's people fade out); every process merges the parts it hears.
 * Identity comes from the session, never from the browser.
 */
export class PresenceBoard {
  readonly processId = randomUUID();
  private readonly local = new Map<string, Map<WebSocket, RoomMember & { since: string }>>();
  private readonly parts = new Map<string, Map<string, Part>>();
  // Who was here and left: shown as "gone" with when they were last seen.
  private readonly seen = new Map<string, Map<string, PresentPerson>>();

  enter(room: string, socket: WebSocket, person: RoomMember): void {
    let sockets = this.local.get(room);
    if (!sockets) {
      sockets = new Map();
      this.local.set(room, sockets);
    }
    sockets.set(socket, { ...person, since: new Date().toISOString() });
  }

  /** Returns the rooms this socket was present in. */
  leave(socket: WebSocket, room?: string): string[] {
    const left: string[] = [];
    for (const [name, sockets] of this.local) {
      if (room !== undefined && name !== room) continue;
      if (sockets.delete(socket)) left.push(name);
      if (sockets.size === 0) this.local.delete(name);
    }
    return left;
  }

  /** This process's people in a room, one entry per person however many tabs they have. */
  localPart(room: string): RoomMember[] {
    const byUser = new Map<string, RoomMember>();
    for (const p of this.local.get(room)?.values() ?? [])
      byUser.set(p.userId, { userId: p.userId, name: p.name, side: p.side });
    return [...byUser.values()];
  }

  localRooms(): string[] {
    return [...this.local.keys()];
  }

  /** A part heard from a process (this one included). */
  mergePart(room: string, processId: string, people: RoomMember[], now = Date.now()): void {
    let parts = this.parts.get(room);
    if (!parts) {
      parts = new Map();
      this.parts.set(room, parts);
    }
    parts.set(processId, { people, at: now });
  }

  /** Everyone in the room now, and who was here and left. */
  list(room: string, now = Date.now()): PresentPerson[] {
    const online = new Map<string, RoomMember>();
    const parts = this.parts.get(room);
    for (const [processId, part] of parts ?? []) {
      if (now - part.at > PART_TTL && processId !== this.processId) {
        parts!.delete(processId);
        continue;
      }
      for (const person of part.people) online.set(person.userId, person);
    }
    let seen = this.seen.get(room);
    if (!seen) {
      seen = new Map();
      this.seen.set(room, seen);
    }
    const stamp = new Date(now).toISOString();
    for (const person of online.values()) {
      const before = seen.get(person.userId);
      if (!before || before.state === 'gone')
        seen.set(person.userId, { ...person, state: 'online', since: stamp });
    }
    for (const [userId, entry] of seen) {
      if (entry.state === 'online' && !online.has(userId))
        seen.set(userId, { ...entry, state: 'gone', since: stamp });
    }
    return [...seen.values()].sort((a, b) => a.side.localeCompare(b.side) || a.name.localeCompare(b.name));
  }
}
