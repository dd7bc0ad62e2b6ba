import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../src/server/auth/actor.ts';
import { meetings } from '../../src/server/db/schema/index.ts';
import { createInProcessBus } from '../../src/server/live/bus.ts';
import { MeetingRooms } from '../../src/server/meetings/room.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestUser } from '../support/factories.ts';
import { makeCycle } from '../support/planning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

const actorOf = (user: TestUser): Actor => ({
  sessionId: 'test',
  user: { id: user.id, email: user.email, name: user.name, locale: null, hasPassword: true },
  agency: null,
  contactOf: new Map(),
  scope: null,
});

describe("the facilitator's cached rules", () => {
  it('a hand-over during a background re-read is honoured at once, not undone by the stale read', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const cycle = await makeCycle(db, agency, '2026-12', true);
    const [meeting] = await db
      .insert(meetings)
      .values({
        cycleId: cycle.id,
        clientId: agency.client.id,
        format: 'online',
        status: 'live',
        startsAt: new Date(),
        facilitatorId: agency.contentManager.id,
      })
      .returning();
    const rooms = new MeetingRooms(db, createInProcessBus(), pino({ level: 'silent' }));
    const manager = actorOf(agency.contentManager);
    const target = { itemId: null, topicId: null };
    expect(await rooms.focus(manager, meeting!.id, target)).not.toBeNull();

    // The cached copy is now old enough to be re-read in the background; this move still uses it.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 4_500);
    expect(await rooms.focus(manager, meeting!.id, target)).not.toBeNull();
    // Hand over while that read is still on its way: it may see the old facilitator.
    const handOver = db
      .update(meetings)
      .set({ facilitatorId: agency.owner.id })
      .where(eq(meetings.id, meeting!.id));
    rooms.changed(meeting!.id);
    await handOver;

    expect(await rooms.focus(manager, meeting!.id, target)).toBeNull();
    expect(await rooms.focus(actorOf(agency.owner), meeting!.id, target)).not.toBeNull();
    await rooms.close();
  });
});
