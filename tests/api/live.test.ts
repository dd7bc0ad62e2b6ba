import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createInProcessBus } from '../../src/server/live/bus.ts';
import { currentSeq, queueLive, transact } from '../../src/server/live/transact.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { closeCodes, everyoneRoom, LIVE_PROTOCOL, type LiveEvent, teamRoom } from '../../src/shared/live.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'http://plit.test' });
  host = await listen(t.app);
});
afterAll(() => t.close());

const team = teamRoom;
const everyone = everyoneRoom;

describe('live updates over WebSocket', () => {
  it('[S1] closes an anonymous connection with 4401', async () => {
    const live = await openLive(host, null);
    expect((await live.closed).code).toBe(4401);
  });

  it('[S1] closes a connection opened by a page of another site with 4403', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.owner.cookie, 'https://evil.example');
    expect((await live.closed).code).toBe(4403);
  });

  it('[L1][L4] delivers a committed change to the team room, numbered one after the join', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.contentManager.cookie);
    const joined = await live.subscribe(team(agency.client.id));
    expect(joined.type).toBe('subscribed');
    const start = joined.seq as number;

    const res = await api(t.app, endpoints.createRubric, {
      params: { clientId: agency.client.id },
      cookie: agency.owner.cookie,
      body: { name: 'Закулісся', color: '#112233' },
    });
    expect(res.status).toBe(201);
    const frame = await live.next((f) => f.type === 'event');
    expect(frame).toMatchObject({
      room: team(agency.client.id),
      seq: start + 1,
      event: { type: 'rubric.created', clientId: agency.client.id, subjectId: res.body.rubric.id },
    });
    live.close();
  });

  it('[L2] sends nothing for a refused change (stale version)', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.owner.cookie);
    await live.subscribe(team(agency.client.id));
    const res = await api(t.app, endpoints.updateClient, {
      params: { clientId: agency.client.id },
      cookie: agency.owner.cookie,
      body: { name: 'Never', version: 99 },
    });
    expect(res.status).toBe(409);
    await new Promise((r) => setTimeout(r, 200));
    expect(live.frames.filter((f) => f.type === 'event')).toHaveLength(0);
    live.close();
  });

  it("[A2] lets a client contact join only its own client's shared room", async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.approver.cookie);
    expect((await live.subscribe(everyone(agency.client.id))).type).toBe('subscribed');
    expect((await live.subscribe(team(agency.client.id))).type).toBe('denied');
    expect((await live.subscribe(everyone(agency.otherClient.id))).type).toBe('denied');
    live.close();
  });

  it("[A2] never lets another agency listen to a client's rooms", async () => {
    const agency = await makeAgency(t.database.db);
    const outsider = await makeAgency(t.database.db);
    const live = await openLive(host, outsider.owner.cookie);
    expect((await live.subscribe(team(agency.client.id))).type).toBe('denied');
    expect((await live.subscribe(everyone(agency.client.id))).type).toBe('denied');
    expect((await live.subscribe('client:not-a-room')).type).toBe('denied');
    live.close();
  });

  it('[S2] answers malformed frames with an error and stays open', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.owner.cookie);
    live.send({ type: 'nonsense' });
    expect(await live.next((f) => f.type === 'error')).toEqual({ type: 'error', code: 'malformed_request' });
    live.send({ type: 'ping' });
    await live.next((f) => f.type === 'pong');
    live.close();
  });
});

describe('losing access closes live connections', () => {
  it("[A3] closes a removed contact's socket at once, so no later event of that client reaches it", async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.approver.cookie);
    expect((await live.subscribe(everyone(agency.client.id))).type).toBe('subscribed');
    const removed = await api(t.app, endpoints.removeContact, {
      params: { clientId: agency.client.id, userId: agency.approver.id },
      cookie: agency.contentManager.cookie,
    });
    expect(removed.status).toBe(200);
    expect((await live.closed).code).toBe(4401);
    // And coming back is refused: the person is no longer a contact.
    const again = await openLive(host, agency.approver.cookie);
    expect((await again.subscribe(everyone(agency.client.id))).type).toBe('denied');
    again.close();
  });

  it('[A3] closes every socket of someone who logs out everywhere', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.creator.cookie);
    await live.subscribe(team(agency.client.id));
    expect((await api(t.app, endpoints.logOutEverywhere, { cookie: agency.creator.cookie })).status).toBe(
      200,
    );
    expect((await live.closed).code).toBe(4401);
  });
});

describe('the protocol version', () => {
  it("[V1] a page on an older protocol, or naming none, is told the server's version and closed with 4426", async () => {
    const agency = await makeAgency(t.database.db);
    const pages: Array<[string | null, number | null]> = [
      [agency.owner.cookie, LIVE_PROTOCOL - 1],
      [agency.owner.cookie, null],
      // Signed out as well: reloading is what it needs first (it then meets the login).
      [null, LIVE_PROTOCOL - 1],
    ];
    for (const [cookie, protocol] of pages) {
      const live = await openLive(host, cookie, undefined, protocol);
      expect((await live.closed).code).toBe(closeCodes.outdated);
      expect(live.frames).toEqual([{ type: 'outdated', protocol: LIVE_PROTOCOL }]);
    }
  });

  it('[V1] a page on the current protocol is let in and served', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.owner.cookie, undefined, LIVE_PROTOCOL);
    expect((await live.subscribe(team(agency.client.id))).type).toBe('subscribed');
    live.close();
  });
});

describe('numbering and publishing', () => {
  const log = pino({ level: 'silent' });
  const event = (clientId: string): LiveEvent => ({
    type: 'rubric.created',
    clientId,
    subjectType: 'rubric',
    subjectId: randomUUID(),
    data: { name: 'Продукт', color: '#2f9e44' },
    actorName: null,
    at: new Date().toISOString(),
  });
  /** A socket of the hub that records the frames delivered to it. */
  const listener = () => {
    const frames: Array<{ seq: number }> = [];
    const socket = {
      OPEN: 1,
      readyState: 1,
      send: (bytes: Buffer) => frames.push(JSON.parse(bytes.toString())),
    };
    return { frames, socket: socket as unknown as WebSocket };
  };

  it('[L2] a change is published only once its transaction has committed, and a rollback publishes nothing', async () => {
    const live = createInProcessBus();
    const ctx = { db: t.database.db, live, log };
    const clientId = randomUUID();
    const room = team(clientId);
    const heard = listener();
    live.hub.join(room, heard.socket);

    await transact(ctx, async (tx) => {
      await queueLive(tx, [room], event(clientId));
      // Numbered and queued, but the transaction is still open: nobody has heard of it.
      await new Promise((r) => setTimeout(r, 50));
      expect(heard.frames).toEqual([]);
    });
    expect(heard.frames.map((f) => f.seq)).toEqual([1]);

    await expect(
      transact(ctx, async (tx) => {
        await queueLive(tx, [room], event(clientId));
        throw new Error('refused after recording');
      }),
    ).rejects.toThrow('refused after recording');
    await new Promise((r) => setTimeout(r, 50));
    expect(heard.frames.map((f) => f.seq)).toEqual([1]);
  });

  it('[L1] a rolled-back change gives its number back: the next one follows without a gap', async () => {
    const live = createInProcessBus();
    const ctx = { db: t.database.db, live, log };
    const clientId = randomUUID();
    const room = team(clientId);
    const heard = listener();
    live.hub.join(room, heard.socket);
    await transact(ctx, (tx) => queueLive(tx, [room], event(clientId)));
    await transact(ctx, async (tx) => {
      await queueLive(tx, [room], event(clientId));
      throw new Error('rolled back');
    }).catch(() => {});
    await transact(ctx, (tx) => queueLive(tx, [room], event(clientId)));
    expect(heard.frames.map((f) => f.seq)).toEqual([1, 2]);
    expect(await currentSeq(t.database.db, room)).toBe(2);
  });
});
