import { describe, expect, it } from 'vitest';
import { LocalHub } from '../../src/server/live/hub.ts';

describe("a room's number remembered for subscribe floods", () => {
  it('[L4] is reused for a second at most, and forgotten as soon as the room delivers anything', () => {
    const hub = new LocalHub();
    const room = 'client:00000000-0000-4000-8000-000000000001:all';
    expect(hub.recentSeq(room, 0)).toBeNull();
    hub.rememberSeq(room, 5, 1000);
    expect(hub.recentSeq(room, 1999)).toBe(5);
    expect(hub.recentSeq(room, 2000)).toBeNull();
    hub.rememberSeq(room, 6, 3000);
    // An event of the room, even with nobody of this process in it, makes the number stale.
    hub.deliver(room, '{"type":"event"}');
    expect(hub.recentSeq(room, 3001)).toBeNull();
  });
});
