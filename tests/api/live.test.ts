import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { call } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'http://plit.test' });
  host = await listen(t.app);
});
afterAll(() => t.close());

const team = (clientId: string) => `client:${clientId}:team`;
const everyone = (clientId: string) => `client:${clientId}:all`;

describe('live updates over WebSocket', () => {
  it('closes an anonymous connection with 4401', async () => {
    const live = await openLive(host, null);
    expect((await live.closed).code).toBe(4401);
  });

  it('closes a connection opened by a page of another site with 4403', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.owner.cookie, 'https://evil.example');
    expect((await live.closed).code).toBe(4403);
  });

  it('delivers a committed change to the team room, numbered one after the join', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.contentManager.cookie);
    const joined = await live.subscribe(team(agency.client.id));
    expect(joined.type).toBe('subscribed');
    const start = joined.seq as number;

    const res = await call(t.app, 'POST', `/api/clients/${agency.client.id}/rubrics`, {
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

  it('sends nothing for a refused change (stale version)', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.owner.cookie);
    await live.subscribe(team(agency.client.id));
    const res = await call(t.app, 'PATCH', `/api/clients/${agency.client.id}`, {
      cookie: agency.owner.cookie,
      body: { name: 'Never', version: 99 },
    });
    expect(res.status).toBe(409);
    await new Promise((r) => setTimeout(r, 200));
    expect(live.frames.filter((f) => f.type === 'event')).toHaveLength(0);
    live.close();
  });

  it("lets a client contact join only its own client's shared room", async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.approver.cookie);
    expect((await live.subscribe(everyone(agency.client.id))).type).toBe('subscribed');
    expect((await live.subscribe(team(agency.client.id))).type).toBe('denied');
    expect((await live.subscribe(everyone(agency.otherClient.id))).type).toBe('denied');
    live.close();
  });

  it("never lets another agency listen to a client's rooms", async () => {
    const agency = await makeAgency(t.database.db);
    const outsider = await makeAgency(t.database.db);
    const live = await openLive(host, outsider.owner.cookie);
    expect((await live.subscribe(team(agency.client.id))).type).toBe('denied');
    expect((await live.subscribe(everyone(agency.client.id))).type).toBe('denied');
    expect((await live.subscribe('client:not-a-room')).type).toBe('denied');
    live.close();
  });

  it('answers malformed frames with an error and stays open', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.owner.cookie);
    live.send({ type: 'nonsense' });
    await live.next((f) => f.type === 'error');
    live.send({ type: 'ping' });
    await live.next((f) => f.type === 'pong');
    live.close();
  });
});

describe('losing access closes live connections', () => {
  it("closes a removed contact's socket at once, so no later event of that client reaches it", async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.approver.cookie);
    expect((await live.subscribe(everyone(agency.client.id))).type).toBe('subscribed');
    const removed = await call(
      t.app,
      'DELETE',
      `/api/clients/${agency.client.id}/contacts/${agency.approver.id}`,
      {
        cookie: agency.contentManager.cookie,
      },
    );
    expect(removed.status).toBe(200);
    expect((await live.closed).code).toBe(4401);
    // And coming back is refused: the person is no longer a contact.
    const again = await openLive(host, agency.approver.cookie);
    expect((await again.subscribe(everyone(agency.client.id))).type).toBe('denied');
    again.close();
  });

  it('closes every socket of someone who logs out everywhere', async () => {
    const agency = await makeAgency(t.database.db);
    const live = await openLive(host, agency.creator.cookie);
    await live.subscribe(team(agency.client.id));
    expect((await call(t.app, 'DELETE', '/api/sessions', { cookie: agency.creator.cookie })).status).toBe(
      200,
    );
    expect((await live.closed).code).toBe(4401);
  });
});
