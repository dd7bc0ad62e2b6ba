import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { PresenceBoard } from '../../src/server/live/presence.ts';
import type { RoomMember } from '../../src/shared/live.ts';

const room = 'meeting:6f1c2d4e-0000-4000-8000-000000000001';
const ann: RoomMember = { userId: 'ann', name: 'Ann', side: 'client' };
const bob: RoomMember = { userId: 'bob', name: 'Bob', side: 'agency' };
const socket = () => ({}) as WebSocket;
const states = (board: PresenceBoard, now: number) =>
  Object.fromEntries(board.list(room, now).map((p) => [p.name, p.state]));

describe('the presence board', () => {
  it("[P2] a process's part not heard of for 45 s fades out; this process's own part does not", () => {
    const board = new PresenceBoard();
    const t0 = Date.parse('2026-11-27T10:00:00Z');
    board.mergePart(room, 'another-process', [ann], t0);
    board.mergePart(room, board.processId, [bob], t0);
    expect(states(board, t0 + 44_000)).toEqual({ Ann: 'online', Bob: 'online' });
    // The other process crashed: it stopped announcing its part every 15 s.
    expect(states(board, t0 + 46_000)).toEqual({ Ann: 'gone', Bob: 'online' });
    const gone = board.list(room, t0 + 46_000).find((p) => p.name === 'Ann');
    expect(gone?.since).toBe(new Date(t0 + 46_000).toISOString());
    // Heard again (the process is back): online again.
    board.mergePart(room, 'another-process', [ann], t0 + 50_000);
    expect(states(board, t0 + 50_000)).toEqual({ Ann: 'online', Bob: 'online' });
  });

  it('[P2] one line per person, however many tabs they have open', () => {
    const board = new PresenceBoard();
    const [first, second] = [socket(), socket()];
    board.enter(room, first, bob);
    board.enter(room, second, bob);
    expect(board.localPart(room)).toEqual([bob]);
    // Closing one tab leaves them in the room; closing the last takes them out.
    expect(board.leave(first)).toEqual([room]);
    expect(board.localPart(room)).toEqual([bob]);
    board.leave(second);
    expect(board.localPart(room)).toEqual([]);
  });
});
