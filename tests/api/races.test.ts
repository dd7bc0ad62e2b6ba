import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyMembers, clients, events } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { teamRoom } from '../../src/shared/live.ts';
import { createTestAppOn, type TestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { makeAgency, makeMember } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';

// Two requests at once. PGlite runs one transaction at a time; on PostgreSQL
// (TEST_DATABASE_URL, set in CI) two connections really interleave.
describe.each(engines())('concurrent writes ($name)', (engine) => {
  let t: TestApp;
  let host: string;
  beforeAll(async () => {
    t = await createTestAppOn(engine);
    host = await listen(t.app);
  });
  afterAll(() => t.close());

  it('two owners demoting each other at once always leave the agency an owner', async () => {
    // Many agencies at once, so the two transactions of a pair really overlap on PostgreSQL.
    const pairs = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const agency = await makeAgency(t.database.db);
        return { agency, second: await makeMember(t.database.db, agency.id, 'owner') };
      }),
    );
    const outcomes = await Promise.all(
      pairs.map(({ agency, second }) =>
        Promise.all([
          api(t.app, endpoints.changeMemberRole, {
            params: { userId: second.id },
            cookie: agency.owner.cookie,
            body: { role: 'creator' },
          }),
          api(t.app, endpoints.changeMemberRole, {
            params: { userId: agency.owner.id },
            cookie: second.cookie,
            body: { role: 'creator' },
          }),
        ]),
      ),
    );
    for (const [i, [a, b]] of outcomes.entries()) {
      // The loser is refused either as no longer an owner (403: the winner committed before
      // it started) or as the last owner's demoter (409: it waited on the winner's lock).
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const [owners] = await t.database.db
        .select({ n: count() })
        .from(agencyMembers)
        .where(and(eq(agencyMembers.agencyId, pairs[i]!.agency.id), eq(agencyMembers.role, 'owner')));
      expect(owners?.n).toBe(1);
    }
  });

  it('two renames from the same version: one wins, the other gets 409 and writes no event', async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const answers = await Promise.all(
      ['Перша назва', 'Second name'].map((name) =>
        api(t.app, endpoints.updateClient, {
          params: { clientId },
          cookie: agency.contentManager.cookie,
          body: { name, version: 1 },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!;
    const [row] = await t.database.db.select().from(clients).where(eq(clients.id, agency.client.id));
    expect(row?.name).toBe(winner.body.client.name);
    expect(row?.version).toBe(2);
    const renames = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.clientId, agency.client.id), eq(events.type, 'client.updated')));
    expect(renames).toHaveLength(1);
  });

  it('[L1] changes made at once in one room are numbered one after another: no gap, no repeat', async () => {
    const agency = await makeAgency(t.database.db);
    const room = teamRoom(agency.client.id);
    const live = await openLive(host, agency.owner.cookie);
    const start = (await live.subscribe(room)).seq as number;
    const n = 12;
    const answers = await Promise.all([
      ...Array.from({ length: n }, (_, i) =>
        api(t.app, endpoints.createRubric, {
          params: { clientId: agency.client.id },
          cookie: agency.contentManager.cookie,
          body: { name: `Рубрика ${i}`, color: '#112233' },
        }),
      ),
      // Refused changes in the same room, at the same moment, take no number.
      ...Array.from({ length: 4 }, () =>
        api(t.app, endpoints.updateClient, {
          params: { clientId: agency.client.id },
          cookie: agency.contentManager.cookie,
          body: { name: 'Never', version: 99 },
        }),
      ),
    ]);
    expect(answers.map((a) => a.status)).toEqual([...Array(n).fill(201), ...Array(4).fill(409)]);
    await live.next((f) => f.type === 'event' && f.seq === start + n);
    await new Promise((r) => setTimeout(r, 100));
    const numbers = live.frames.filter((f) => f.type === 'event').map((f) => f.seq as number);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => start + i + 1));
    live.close();
  });
});
