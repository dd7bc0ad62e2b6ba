import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
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

const team = (clientId: string) => `client:${clientId}:team`;
const everyone = (clientId: string) => `client:${clientId}:all`;

interface FeedEvent {
  type: string;
  data: Record<string, unknown>;
}
interface Frame {
  type: string;
  event?: FeedEvent;
}

const feedOf = async (cookie: string, clientId: string): Promise<FeedEvent[]> => {
  const res = await api(t.app, endpoints.listClientEvents, {
    params: { clientId },
    query: { limit: 100 },
    cookie,
  });
  expect(res.status).toBe(200);
  return res.body.events;
};
const eventsIn = (frames: Array<Record<string, unknown>>) =>
  (frames as unknown as Frame[]).filter((f) => f.type === 'event').map((f) => f.event!);

describe('who sees an event', () => {
  it('[A1] a contact never receives a team-audience event, neither on the socket nor in the feed', async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const cm = agency.contentManager.cookie;
    const contact = agency.approver.cookie;
    const teamLive = await openLive(host, cm);
    expect((await teamLive.subscribe(team(clientId))).type).toBe('subscribed');
    const contactLive = await openLive(host, contact);
    expect((await contactLive.subscribe(everyone(clientId))).type).toBe('subscribed');

    // The content manager plans a month and adds a topic the client is not to see yet.
    const started = await api(t.app, endpoints.startCycle, {
      params: { clientId },
      cookie: cm,
      body: { month: '2026-12' },
    });
    const cycle = started.body.cycle;
    const secret = 'Таємна тема: знижки до оголошення';
    const added = await api(t.app, endpoints.createTopic, {
      params: { cycleId: cycle.id },
      cookie: cm,
      body: { title: secret },
    });
    expect(added.status).toBe(201);
    await teamLive.next((f) => (f as unknown as Frame).event?.type === 'topic.created');
    expect(
      (await api(t.app, endpoints.getPlan, { params: { cycleId: cycle.id }, cookie: contact })).status,
    ).toBe(404);

    // The agency reads it in the feed; the contact reads nothing of the unshared plan.
    const teamFeed = await feedOf(cm, clientId);
    expect(teamFeed.map((e) => e.type)).toEqual(['topic.created', 'cycle.started']);
    expect(JSON.stringify(teamFeed)).toContain(secret);
    expect(await feedOf(contact, clientId)).toEqual([]);

    // Once the plan is shared the contact hears of its changes, live and in the feed.
    const shared = await api(t.app, endpoints.shareCycle, {
      params: { cycleId: cycle.id },
      cookie: cm,
      body: { version: cycle.version },
    });
    expect(shared.status).toBe(200);
    const open = 'Ярмарок: відкриття';
    await api(t.app, endpoints.createTopic, {
      params: { cycleId: cycle.id },
      cookie: cm,
      body: { title: open },
    });
    await contactLive.next((f) => (f as unknown as Frame).event?.type === 'topic.created');
    await teamLive.next((f) => (f as unknown as Frame).event?.data.title === open);

    expect(eventsIn(contactLive.frames).map((e) => [e.type, e.data.title])).toEqual([
      ['cycle.shared', undefined],
      ['topic.created', open],
    ]);
    expect(JSON.stringify(contactLive.frames)).not.toContain(secret);
    expect(eventsIn(teamLive.frames).map((e) => e.type)).toEqual([
      'cycle.started',
      'topic.created',
      'cycle.shared',
      'topic.created',
    ]);
    const contactFeed = await feedOf(contact, clientId);
    expect(contactFeed.map((e) => [e.type, e.data.title])).toEqual([
      ['topic.created', open],
      ['cycle.shared', undefined],
    ]);
    expect(JSON.stringify(contactFeed)).not.toContain(secret);
    expect(await feedOf(cm, clientId)).toHaveLength(4);
    teamLive.close();
    contactLive.close();
  });

  it("[A1] a deadline change reaches a contact, live and in the feed, only for the client's own stages", async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const cm = agency.contentManager.cookie;
    const contact = agency.approver.cookie;
    const started = await api(t.app, endpoints.startCycle, {
      params: { clientId },
      cookie: cm,
      body: { month: '2026-12' },
    });
    const shared = await api(t.app, endpoints.shareCycle, {
      params: { cycleId: started.body.cycle.id },
      cookie: cm,
      body: { version: started.body.cycle.version },
    });
    expect(shared.status).toBe(200);
    const teamLive = await openLive(host, cm);
    expect((await teamLive.subscribe(team(clientId))).type).toBe('subscribed');
    const contactLive = await openLive(host, contact);
    expect((await contactLive.subscribe(everyone(clientId))).type).toBe('subscribed');

    // The agency's own preparation deadline (a sentinel date) and the client's facts deadline.
    const agencyOwn = '2031-07-13';
    const changed = await api(t.app, endpoints.updateCycleDeadlines, {
      params: { cycleId: started.body.cycle.id },
      cookie: cm,
      body: {
        deadlines: { preparation: agencyOwn, facts: '2026-11-27' },
        version: shared.body.cycle.version,
      },
    });
    expect(changed.status).toBe(200);
    const isChange = (f: Record<string, unknown>) =>
      (f as unknown as Frame).event?.type === 'cycle.deadlines_changed';
    await contactLive.next(isChange);
    await teamLive.next((f) => isChange(f) && JSON.stringify(f).includes(agencyOwn));

    const deadlinesIn = (events: FeedEvent[]) =>
      events.filter((e) => e.type === 'cycle.deadlines_changed').map((e) => e.data.deadlines);
    expect(deadlinesIn(eventsIn(contactLive.frames))).toEqual([{ facts: '2026-11-27' }]);
    expect(deadlinesIn(await feedOf(contact, clientId))).toEqual([{ facts: '2026-11-27' }]);
    expect(JSON.stringify(contactLive.frames)).not.toContain(agencyOwn);
    expect(JSON.stringify(await feedOf(contact, clientId))).not.toContain(agencyOwn);
    expect(deadlinesIn(await feedOf(cm, clientId))).toEqual(
      expect.arrayContaining([{ facts: '2026-11-27' }, { preparation: agencyOwn }]),
    );
    teamLive.close();
    contactLive.close();
  });

  it("keeps the agency's desk (invitations, calendar feeds, its own settings) out of a contact's feed", async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const cm = agency.contentManager.cookie;
    const invited = await api(t.app, endpoints.sendInvitation, {
      cookie: cm,
      body: { email: 'new-contact@bookfair.demo', role: 'contributor', clientId },
    });
    expect(invited.status).toBe(201);
    expect(
      (await api(t.app, endpoints.createCalendarFeed, { params: { clientId }, cookie: cm })).status,
    ).toBe(200);
    const renamed = await api(t.app, endpoints.updateClient, {
      params: { clientId },
      cookie: cm,
      body: { name: 'Lviv Book Fair', version: 1 },
    });
    expect(renamed.status).toBe(200);
    const reviewed = await api(t.app, endpoints.updateClient, {
      params: { clientId },
      cookie: cm,
      body: { postInternalReview: true, version: renamed.body.client.version },
    });
    expect(reviewed.status).toBe(200);

    expect((await feedOf(cm, clientId)).map((e) => e.type)).toEqual([
      'client.updated',
      'client.updated',
      'calendar_feed.created',
      'contact.invited',
    ]);
    const contactFeed = await feedOf(agency.approver.cookie, clientId);
    expect(contactFeed).toEqual([
      expect.objectContaining({
        type: 'client.updated',
        data: { changes: { name: { from: agency.client.name, to: 'Lviv Book Fair' } } },
      }),
    ]);
    expect(JSON.stringify(contactFeed)).not.toContain('new-contact@bookfair.demo');
  });
});
