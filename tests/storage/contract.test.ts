import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { agencies, channels, clients, events, users } from '../../src/server/db/schema/index.ts';
import { recordEvent } from '../../src/server/events/recordEvent.ts';
import { engines } from '../support/engines.ts';

/**
 * What Plit needs from its storage, checked on every engine it supports. The same schema
 * and migrations must behave the same on embedded PGlite and on a PostgreSQL server.
 */
describe.each(engines())('storage contract on $name', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ database, dispose } = await engine.open());
    await migrate(database);
  });
  afterAll(() => dispose());

  const newAgency = async () => {
    const [row] = await database.db.insert(agencies).values({ name: 'Contract agency' }).returning();
    return row!;
  };

  it('reports its own engine', () => {
    expect(database.kind).toBe(engine.name);
  });

  it('applies migrations a second time as a no-op', async () => {
    await migrate(database);
    const result = await database.db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_name = 'clients'`,
    );
    expect((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(1);
  });

  it('round-trips Cyrillic, emoji, markup and SQL text unchanged', async () => {
    const agency = await newAgency();
    const name = `Київська кава ☕️ <script>alert(1)</script> '; drop table clients; --`;
    const [row] = await database.db.insert(clients).values({ agencyId: agency.id, name }).returning();
    const [back] = await database.db.select().from(clients).where(eq(clients.id, row!.id));
    expect(back?.name).toBe(name);
    expect(back?.timezone).toBe('Europe/Kyiv');
  });

  it('keeps text arrays and JSON documents intact', async () => {
    const agency = await newAgency();
    const [client] = await database.db
      .insert(clients)
      .values({ agencyId: agency.id, name: 'Arrays' })
      .returning();
    const [ch] = await database.db
      .insert(channels)
      .values({
        clientId: client!.id,
        network: 'instagram',
        handle: '@a',
        formats: ['post', 'reel', 'story'],
      })
      .returning();
    expect(ch?.formats).toEqual(['post', 'reel', 'story']);
    const data = {
      cycleId: client!.id,
      month: '2026-12',
      meetingId: client!.id,
      action: 'pause' as const,
      itemId: 'два 🎉',
      timer: { itemId: 'два 🎉', endsAt: null, remainingMs: 1500 },
    };
    await recordEvent(database.db, null, {
      agencyId: agency.id,
      clientId: client!.id,
      type: 'meeting.timer',
      subjectType: 'meeting',
      subjectId: client!.id,
      data,
      state: { sharedAt: null },
    });
    const [ev] = await database.db
      .select()
      .from(events)
      .where(and(eq(events.clientId, client!.id), eq(events.type, 'meeting.timer')));
    expect(ev?.data).toEqual(data);
  });

  it('stores instants with their time zone', async () => {
    const agency = await newAgency();
    const at = new Date('2026-03-29T00:30:00.000Z'); // the night Kyiv moves to summer time
    const [client] = await database.db
      .insert(clients)
      .values({ agencyId: agency.id, name: 'TZ', archivedAt: at })
      .returning();
    const [back] = await database.db.select().from(clients).where(eq(clients.id, client!.id));
    expect(back?.archivedAt?.toISOString()).toBe(at.toISOString());
  });

  it('refuses a second account for the same email', async () => {
    const email = `dup-${Date.now()}@test.plit`;
    await database.db.insert(users).values({ email, name: 'One' });
    await expect(database.db.insert(users).values({ email, name: 'Two' })).rejects.toThrow();
  });

  it('rolls back the change and its event together', async () => {
    const agency = await newAgency();
    await expect(
      database.db.transaction(async (tx) => {
        const [client] = await tx
          .insert(clients)
          .values({ agencyId: agency.id, name: 'Rolled back' })
          .returning();
        await recordEvent(tx, null, {
          agencyId: agency.id,
          clientId: client!.id,
          type: 'client.created',
          subjectType: 'client',
          subjectId: client!.id,
          data: { name: 'Rolled back', timezone: 'Europe/Kyiv' },
        });
        throw new Error('crash after the event');
      }),
    ).rejects.toThrow('crash after the event');
    const left = await database.db.select().from(clients).where(eq(clients.agencyId, agency.id));
    const leftEvents = await database.db.select().from(events).where(eq(events.agencyId, agency.id));
    expect(left).toHaveLength(0);
    expect(leftEvents).toHaveLength(0);
  });

  it('lets exactly one of two writers with the same version win', async () => {
    const agency = await newAgency();
    const [client] = await database.db
      .insert(clients)
      .values({ agencyId: agency.id, name: 'Versioned' })
      .returning();
    const write = (name: string) =>
      database.db
        .update(clients)
        .set({ name, version: sql`${clients.version} + 1` })
        .where(and(eq(clients.id, client!.id), eq(clients.version, 1)))
        .returning();
    const [a, b] = await Promise.all([write('A'), write('B')]);
    expect(a.length + b.length).toBe(1);
    const [back] = await database.db.select().from(clients).where(eq(clients.id, client!.id));
    expect(back?.version).toBe(2);
  });

  it('removes a client’s channels with the client (cascade)', async () => {
    const agency = await newAgency();
    const [client] = await database.db
      .insert(clients)
      .values({ agencyId: agency.id, name: 'Cascade' })
      .returning();
    await database.db
      .insert(channels)
      .values({ clientId: client!.id, network: 'x', handle: '@x', formats: ['text'] });
    await database.db.delete(clients).where(eq(clients.id, client!.id));
    expect(await database.db.select().from(channels).where(eq(channels.clientId, client!.id))).toHaveLength(
      0,
    );
  });

  it('hands out increasing event ids, the order of the activity feed', async () => {
    const agency = await newAgency();
    for (const name of ['a', 'b', 'c']) {
      await recordEvent(database.db, null, {
        agencyId: agency.id,
        type: 'member.removed',
        subjectType: 'user',
        subjectId: agency.id,
        data: { name },
      });
    }
    const rows = await database.db
      .select()
      .from(events)
      .where(eq(events.agencyId, agency.id))
      .orderBy(events.id);
    expect(rows.map((r) => r.data.name)).toEqual(['a', 'b', 'c']);
  });
});
