import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLink } from '../../src/server/auth/scopedLinks.ts';
import type { App } from '../../src/server/context.ts';
import { cycles, factRequests, meetings, topics } from '../../src/server/db/schema/index.ts';
import { allEndpoints, endpoints } from '../../src/shared/api/catalogue.ts';
import { pathOf, urlOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';
import { makeCycle } from '../support/planning.ts';
import { makeWritingMonth } from '../support/posts.ts';
import { makePng, multipart } from '../support/uploads.ts';

/**
 * What a client contact is shown of plans (issue 15): nothing of a plan not shared with them,
 * the reserve topics they already know, and none of the agency's own marks (the deadlines and
 * lateness of the stages the agency owns, its internal review). Each check looks for unique
 * markers in the whole answer, and for what the contact must still see.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const marker = (what: string) => `MARKER-${what}-${Math.random().toString(36).slice(2, 8)}`;
/** An unshared plan's deadline no shared thing carries. */
const SENTINEL_DEADLINE = '2031-07-13';

async function download(app: App, url: string, cookie: string | null) {
  return app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
}

/**
 * An agency whose client has a December plan, shared, still in preparation and past its
 * (agency-owned) preparation deadline, with one topic in one slot and a facts deadline of the
 * client's; and a January plan, not shared, with exactly seven slots, a marked topic and the
 * sentinel deadline. The reserve holds four topics: one parked from the shared plan, one idea
 * of the client's, one parked from the unshared plan, one the agency put straight in.
 */
async function world() {
  const agency = await makeAgency(t.database.db);
  const db = t.database.db;
  const cm = agency.contentManager.cookie;
  const channelId = agency.client.channel.id;
  const m = {
    sharedTopic: marker('shared-topic'),
    sharedParked: marker('shared-parked'),
    clientIdea: marker('client-idea'),
    hiddenTopic: marker('topic'),
    hiddenParked: marker('parked'),
    hiddenStraight: marker('reserve'),
    hiddenPlan: marker('client-plan'),
  };

  const shared = await makeCycle(db, agency, '2026-12', true);
  await db
    .update(cycles)
    .set({ deadlines: { preparation: '2026-11-05', meeting: '2026-11-25', facts: '2026-11-28' } })
    .where(eq(cycles.id, shared.id));
  const slot = (
    await api(t.app, endpoints.createSlot, {
      params: { cycleId: shared.id },
      cookie: cm,
      body: { date: '2026-12-07', time: '10:00', channelId, format: 'post' },
    })
  ).body.slot;
  const topic = (
    await api(t.app, endpoints.createTopic, {
      params: { cycleId: shared.id },
      cookie: cm,
      body: { title: m.sharedTopic },
    })
  ).body.topic;
  expect(
    (
      await api(t.app, endpoints.placeTopicInSlot, {
        params: { slotId: slot.id },
        cookie: cm,
        body: { topicId: topic.id, version: slot.version },
      })
    ).status,
  ).toBe(200);
  const parkedShared = (
    await api(t.app, endpoints.createTopic, {
      params: { cycleId: shared.id },
      cookie: cm,
      body: { title: m.sharedParked },
    })
  ).body.topic;
  expect(
    (
      await api(t.app, endpoints.parkTopic, {
        params: { topicId: parkedShared.id },
        cookie: cm,
        body: { version: 1 },
      })
    ).status,
  ).toBe(200);

  const hidden = await makeCycle(db, agency, '2027-01', false);
  await db
    .update(cycles)
    .set({ deadlines: { preparation: SENTINEL_DEADLINE, facts: SENTINEL_DEADLINE } })
    .where(eq(cycles.id, hidden.id));
  for (let day = 1; day <= 7; day++) {
    const res = await api(t.app, endpoints.createSlot, {
      params: { cycleId: hidden.id },
      cookie: cm,
      body: { date: `2027-01-1${day}`, time: '09:15', channelId, format: 'story' },
    });
    expect(res.status).toBe(201);
  }
  await api(t.app, endpoints.createTopic, {
    params: { cycleId: hidden.id },
    cookie: cm,
    body: { title: m.hiddenTopic },
  });
  const parkedHidden = (
    await api(t.app, endpoints.createTopic, {
      params: { cycleId: hidden.id },
      cookie: cm,
      body: { title: m.hiddenParked },
    })
  ).body.topic;
  await api(t.app, endpoints.parkTopic, {
    params: { topicId: parkedHidden.id },
    cookie: cm,
    body: { version: 1 },
  });
  expect(
    (
      await api(t.app, endpoints.createClientPlan, {
        params: { cycleId: hidden.id },
        cookie: cm,
        body: { title: m.hiddenPlan, likelihood: 'likely', startsOn: '2027-01-20' },
      })
    ).status,
  ).toBe(201);

  const [straight] = await db
    .insert(topics)
    .values({
      clientId: agency.client.id,
      title: m.hiddenStraight,
      source: 'agency',
      status: 'parked',
      reservedAt: new Date(),
    })
    .returning();
  const [idea] = await db
    .insert(topics)
    .values({
      clientId: agency.client.id,
      title: m.clientIdea,
      source: 'client',
      status: 'parked',
      reservedAt: new Date(),
    })
    .returning();

  const contributor = await makeContact(db, agency.client.id, 'contributor');
  const hiddenMarks = [
    m.hiddenTopic,
    m.hiddenParked,
    m.hiddenStraight,
    m.hiddenPlan,
    hidden.id,
    SENTINEL_DEADLINE,
  ];
  return {
    agency,
    contributor,
    shared,
    hidden,
    m,
    hiddenMarks,
    ids: {
      parkedShared: parkedShared.id,
      parkedHidden: parkedHidden.id,
      straight: straight!.id,
      idea: idea!.id,
    },
  };
}

type World = Awaited<ReturnType<typeof world>>;
const contacts = (w: World): Array<[string, string]> => [
  ['approver', w.agency.approver.cookie],
  ['contributor', w.contributor.cookie],
];

/** The text leaks nothing of the unshared plan. */
function expectNothingOf(w: World, text: string) {
  for (const mark of w.hiddenMarks) expect(text).not.toContain(mark);
}

/** A session opened from a meeting link of the shared plan: a contact confined to that month. */
async function meetingLinkSession(w: World) {
  const [meeting] = await t.database.db
    .insert(meetings)
    .values({
      cycleId: w.shared.id,
      clientId: w.agency.client.id,
      format: 'online',
      startsAt: new Date('2026-11-24T10:00:00Z'),
    })
    .returning();
  const token = await issueLink(t.database.db, {
    userId: w.agency.approver.id,
    clientId: w.agency.client.id,
    kind: 'meeting',
    subjectId: meeting!.id,
  });
  const opened = await api(t.app, endpoints.openLink, { body: { token } });
  expect(opened.status).toBe(200);
  return opened.cookie!;
}

describe('an unshared plan reaches no client contact', () => {
  it('the client cards, the cycle list and the plan show only shared plans, for every contact', async () => {
    const w = await world();
    for (const [, cookie] of contacts(w)) {
      const list = await api(t.app, endpoints.listClients, { cookie });
      const one = await api(t.app, endpoints.getClient, { params: { clientId: w.agency.client.id }, cookie });
      const cyclesRes = await api(t.app, endpoints.listCycles, {
        params: { clientId: w.agency.client.id },
        cookie,
      });
      const plan = await api(t.app, endpoints.getPlan, { params: { cycleId: w.shared.id }, cookie });
      for (const res of [list, one, cyclesRes, plan]) {
        expect(res.status).toBe(200);
        expectNothingOf(w, JSON.stringify(res.body));
      }
      expect(one.body.client.currentCycle?.id).toBe(w.shared.id);
      expect(cyclesRes.body.cycles.map((c) => c.id)).toEqual([w.shared.id]);
      expect(cyclesRes.body.cycles[0]!.counts.slots).toBe(1);
      expect(JSON.stringify(plan.body)).toContain(w.m.sharedTopic);
    }
    // The agency sees both months, the unshared one with its seven slots.
    const agencyList = await api(t.app, endpoints.listCycles, {
      params: { clientId: w.agency.client.id },
      cookie: w.agency.contentManager.cookie,
    });
    expect(agencyList.body.cycles.find((c) => c.id === w.hidden.id)?.counts.slots).toBe(7);
  });

  it('every cycle endpoint answers 404 to a contact for the unshared plan, as for a month that does not exist', async () => {
    const w = await world();
    const reads = allEndpoints.filter(
      (spec) => spec.method === 'GET' && spec.path.startsWith('/api/cycles/:cycleId'),
    );
    expect(reads.length).toBeGreaterThan(5);
    for (const [, cookie] of contacts(w)) {
      for (const spec of reads) {
        const res = await raw(t.app, 'GET', pathOf(spec, { cycleId: w.hidden.id }), { cookie });
        expect([spec.operationId, res.status]).toEqual([spec.operationId, 404]);
      }
    }
    // Its meeting, by its own address, too.
    const [meeting] = await t.database.db
      .insert(meetings)
      .values({
        cycleId: w.hidden.id,
        clientId: w.agency.client.id,
        format: 'online',
        startsAt: new Date('2026-12-20T10:00:00Z'),
      })
      .returning();
    for (const [, cookie] of contacts(w)) {
      const res = await api(t.app, endpoints.getMeeting, { params: { meetingId: meeting!.id }, cookie });
      expect(res.status).toBe(404);
    }
    // The same addresses of the shared month answer.
    const plan = await api(t.app, endpoints.getPlan, {
      params: { cycleId: w.shared.id },
      cookie: w.agency.approver.cookie,
    });
    expect(plan.status).toBe(200);
  });

  it('a scoped link session reaches neither the unshared plan nor the agency’s marks', async () => {
    const w = await world();
    const cookie = await meetingLinkSession(w);
    expect((await api(t.app, endpoints.getPlan, { params: { cycleId: w.hidden.id }, cookie })).status).toBe(
      404,
    );
    const one = await api(t.app, endpoints.getClient, { params: { clientId: w.agency.client.id }, cookie });
    expect(one.status).toBe(200);
    expectNothingOf(w, JSON.stringify(one.body));
    expect(one.body.client.currentCycle).toMatchObject({ id: w.shared.id, deadline: null, overdue: null });
    const plan = await api(t.app, endpoints.getPlan, { params: { cycleId: w.shared.id }, cookie });
    expect(plan.status).toBe(200);
    expect(plan.body.cycle.deadlines).toEqual({ meeting: '2026-11-25', facts: '2026-11-28' });
    expect(plan.body.cycle.overdue).toBeNull();
  });

  it('exports of the shared plan carry nothing of the unshared one; its own are 404', async () => {
    const w = await world();
    const cookie = w.agency.approver.cookie;
    const csv = await download(
      t.app,
      urlOf(endpoints.downloadScheduleCsv, { params: { cycleId: w.shared.id } }),
      cookie,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(w.m.sharedTopic);
    expectNothingOf(w, csv.body);
    for (const spec of [
      endpoints.downloadDeckPptx,
      endpoints.downloadDeckPdf,
      endpoints.downloadScheduleCsv,
    ]) {
      expect(
        (await download(t.app, urlOf(spec, { params: { cycleId: w.hidden.id } }), cookie)).statusCode,
      ).toBe(404);
    }
  });

  it('a calendar feed lists only the slots of shared plans, whoever holds its URL', async () => {
    const w = await world();
    const created = await api(t.app, endpoints.createCalendarFeed, {
      params: { clientId: w.agency.client.id },
      cookie: w.agency.contentManager.cookie,
    });
    expect(created.status).toBe(200);
    // Only the agency's managers make feeds: a contact cannot.
    expect(
      (
        await api(t.app, endpoints.createCalendarFeed, {
          params: { clientId: w.agency.client.id },
          cookie: w.agency.approver.cookie,
        })
      ).status,
    ).toBe(403);
    const feed = await download(t.app, new URL(created.body.url).pathname, null);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain(w.m.sharedTopic);
    expect(feed.body).toContain('DTSTART:20261207T080000Z');
    expect(feed.body).not.toContain('DTSTART:202701');
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expectNothingOf(w, feed.body);
    // Reserve topics are in no slot: not in the feed either.
    expect(feed.body).not.toContain(w.m.sharedParked);
  });

  it('insights count only shared plans for a contact; the agency counts every month', async () => {
    const w = await world();
    const query = { from: '2026-07', to: '2027-01' };
    const params = { clientId: w.agency.client.id };
    for (const [, cookie] of contacts(w)) {
      const res = await api(t.app, endpoints.getClientInsights, { params, query, cookie });
      expect(res.status).toBe(200);
      expectNothingOf(w, JSON.stringify(res.body));
      expect(res.body.months.map((m) => m.month)).toEqual(['2026-12']);
      const december = res.body.months[0]!.figures;
      expect(december.postsPlanned).toBe(1);
      // The reserve it may see: the topic parked from the shared plan and its own idea.
      expect(december.topics?.reserveSize).toBe(2);
      // Preparation is the agency's stage: its missed deadline is not the client's figure.
      expect(december.deadlines).toEqual({ met: 0, missed: 0 });
      const csv = await download(t.app, urlOf(endpoints.downloadInsightsCsv, { params, query }), cookie);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toContain('2027-01');
      expect(csv.body).toContain('2026-12');
    }
    const agency = await api(t.app, endpoints.getClientInsights, {
      params,
      query,
      cookie: w.agency.contentManager.cookie,
    });
    const january = agency.body.months.find((m) => m.month === '2027-01');
    expect(january?.figures.postsPlanned).toBe(7);
    const december = agency.body.months.find((m) => m.month === '2026-12')!.figures;
    expect(december.topics?.reserveSize).toBe(4);
    expect(december.deadlines).toEqual({ met: 0, missed: 1 });
  });

  it('[A1] a contact’s bell and activity feed name nothing of the unshared plan', async () => {
    const w = await world();
    for (const [, cookie] of contacts(w)) {
      const bell = await api(t.app, endpoints.listNotifications, { cookie });
      expect(bell.status).toBe(200);
      expectNothingOf(w, JSON.stringify(bell.body));
      const feed = await api(t.app, endpoints.listClientEvents, {
        params: { clientId: w.agency.client.id },
        query: { limit: 100 },
        cookie,
      });
      expect(feed.status).toBe(200);
      expectNothingOf(w, JSON.stringify(feed.body));
      // What happened in the shared plan is theirs.
      expect(JSON.stringify(feed.body)).toContain(w.m.sharedTopic);
    }
    const team = await api(t.app, endpoints.listClientEvents, {
      params: { clientId: w.agency.client.id },
      query: { limit: 100 },
      cookie: w.agency.contentManager.cookie,
    });
    expect(JSON.stringify(team.body)).toContain(w.m.hiddenTopic);
  });
});

describe('the reserve a client contact sees', () => {
  it('lists the topics of shared plans and the client’s own ideas; the agency sees them all', async () => {
    const w = await world();
    const params = { clientId: w.agency.client.id };
    for (const [, cookie] of contacts(w)) {
      const res = await api(t.app, endpoints.listReserve, { params, query: {}, cookie });
      expect(res.status).toBe(200);
      expect(res.body.topics.map((x) => x.id).sort()).toEqual([w.ids.parkedShared, w.ids.idea].sort());
      expectNothingOf(w, JSON.stringify(res.body));
      // A search finds nothing hidden either.
      const searched = await api(t.app, endpoints.listReserve, { params, query: { q: 'MARKER' }, cookie });
      expect(searched.body.topics.map((x) => x.id).sort()).toEqual([w.ids.parkedShared, w.ids.idea].sort());
    }
    const agency = await api(t.app, endpoints.listReserve, {
      params,
      query: {},
      cookie: w.agency.contentManager.cookie,
    });
    expect(agency.body.topics).toHaveLength(4);
  });

  it('answers 404 for the history of a topic the contact may not see, and the shared months of one it may', async () => {
    const w = await world();
    for (const [, cookie] of contacts(w)) {
      for (const topicId of [w.ids.parkedHidden, w.ids.straight]) {
        expect((await api(t.app, endpoints.getTopicHistory, { params: { topicId }, cookie })).status).toBe(
          404,
        );
      }
      const seen = await api(t.app, endpoints.getTopicHistory, {
        params: { topicId: w.ids.parkedShared },
        cookie,
      });
      expect(seen.status).toBe(200);
      expect(seen.body.passes).toMatchObject([{ cycleId: w.shared.id, month: '2026-12', leftAs: 'parked' }]);
      expect(
        (await api(t.app, endpoints.getTopicHistory, { params: { topicId: w.ids.idea }, cookie })).status,
      ).toBe(200);
    }
    const agency = await api(t.app, endpoints.getTopicHistory, {
      params: { topicId: w.ids.parkedHidden },
      cookie: w.agency.contentManager.cookie,
    });
    expect(agency.body.passes).toMatchObject([{ cycleId: w.hidden.id, leftAs: 'parked' }]);
  });

  it('a topic of a shared plan pulled later through an unshared one shows only its shared months', async () => {
    const w = await world();
    const cm = w.agency.contentManager.cookie;
    // Pulled from the reserve into the unshared January, then parked again.
    const pulled = await api(t.app, endpoints.pullTopic, {
      params: { topicId: w.ids.parkedShared },
      cookie: cm,
      body: { cycleId: w.hidden.id, version: 2 },
    });
    expect(pulled.status).toBe(200);
    await api(t.app, endpoints.parkTopic, {
      params: { topicId: w.ids.parkedShared },
      cookie: cm,
      body: { version: pulled.body.topic.version },
    });
    const seen = await api(t.app, endpoints.getTopicHistory, {
      params: { topicId: w.ids.parkedShared },
      cookie: w.agency.approver.cookie,
    });
    expect(seen.body.passes.map((p) => p.cycleId)).toEqual([w.shared.id]);
    expectNothingOf(w, JSON.stringify(seen.body));
  });
});

describe('the agency’s own marks are not a contact’s', () => {
  it('an agency stage past its deadline is overdue for the agency, and neither dated nor overdue for the client', async () => {
    const w = await world();
    const params = { clientId: w.agency.client.id };
    const agencyCard = await api(t.app, endpoints.getClient, {
      params,
      cookie: w.agency.contentManager.cookie,
    });
    expect(agencyCard.body.client.currentCycle).toMatchObject({
      stage: 'preparation',
      deadline: '2026-11-05',
      overdue: true,
    });
    expect(agencyCard.body.client.postInternalReview).toBe(false);
    expect(agencyCard.body.client.stageDays).not.toBeNull();
    const agencyPlan = await api(t.app, endpoints.getPlan, {
      params: { cycleId: w.shared.id },
      cookie: w.agency.creator.cookie,
    });
    expect(agencyPlan.body.cycle).toMatchObject({ overdue: true, deadlines: { preparation: '2026-11-05' } });

    for (const [, cookie] of contacts(w)) {
      const list = await api(t.app, endpoints.listClients, { cookie });
      const card = list.body.clients.find((c) => c.id === w.agency.client.id)!;
      const one = (await api(t.app, endpoints.getClient, { params, cookie })).body.client;
      for (const client of [card, one]) {
        expect(client.currentCycle).toMatchObject({ stage: 'preparation', deadline: null, overdue: null });
        expect(client.postInternalReview).toBeNull();
        expect(client.stageDays).toBeNull();
        expect(JSON.stringify(client)).not.toContain('2026-11-05');
      }
      const plan = await api(t.app, endpoints.getPlan, { params: { cycleId: w.shared.id }, cookie });
      const listed = await api(t.app, endpoints.listCycles, { params, cookie });
      for (const cycle of [plan.body.cycle, listed.body.cycles[0]!]) {
        // The client's own deadlines stay: the meeting and the facts.
        expect(cycle.deadlines).toEqual({ meeting: '2026-11-25', facts: '2026-11-28' });
        expect(cycle.overdue).toBeNull();
        expect(JSON.stringify(cycle)).not.toContain('2026-11-05');
      }
    }
  });

  it('the client’s own stage past its deadline is overdue for the client too', async () => {
    const w = await world();
    await t.database.db.update(cycles).set({ stage: 'facts' }).where(eq(cycles.id, w.shared.id));
    const one = await api(t.app, endpoints.getClient, {
      params: { clientId: w.agency.client.id },
      cookie: w.agency.approver.cookie,
    });
    expect(one.body.client.currentCycle).toMatchObject({
      stage: 'facts',
      deadline: '2026-11-28',
      overdue: true,
    });
    const plan = await api(t.app, endpoints.getPlan, {
      params: { cycleId: w.shared.id },
      cookie: w.agency.approver.cookie,
    });
    expect(plan.body.cycle).toMatchObject({
      stage: 'facts',
      overdue: true,
      deadlines: { facts: '2026-11-28' },
    });
  });

  it('[A1] a deadline change tells the client only of its own stages', async () => {
    const w = await world();
    const changed = await api(t.app, endpoints.updateCycleDeadlines, {
      params: { cycleId: w.shared.id },
      cookie: w.agency.contentManager.cookie,
      body: { deadlines: { preparation: SENTINEL_DEADLINE, facts: '2026-12-02' }, version: 1 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.cycle.deadlines.preparation).toBe(SENTINEL_DEADLINE);
    const feedOf = async (cookie: string) =>
      (
        await api(t.app, endpoints.listClientEvents, {
          params: { clientId: w.agency.client.id },
          query: { limit: 100 },
          cookie,
        })
      ).body.events.filter((e) => e.type === 'cycle.deadlines_changed');
    const client = await feedOf(w.agency.approver.cookie);
    expect(client.map((e) => e.data)).toEqual([{ month: '2026-12', deadlines: { facts: '2026-12-02' } }]);
    expect(JSON.stringify(client)).not.toContain(SENTINEL_DEADLINE);
    const team = await feedOf(w.agency.contentManager.cookie);
    expect(team.map((e) => e.data.deadlines)).toEqual(
      expect.arrayContaining([{ facts: '2026-12-02' }, { preparation: SENTINEL_DEADLINE }]),
    );
  });
});

describe('the activity feed a contact reads', () => {
  it('[A1] holds no draft fact request, feed creation, invitee email or asset name of an unsent post', async () => {
    const agency: TestAgency = await makeAgency(t.database.db);
    const cm = agency.contentManager.cookie;
    const plan = await makeWritingMonth(t.database.db, agency);
    const email = `${marker('invitee').toLowerCase()}@example.com`;
    expect(
      (
        await api(t.app, endpoints.sendInvitation, {
          cookie: cm,
          body: { email, role: 'contributor', clientId: agency.client.id },
        })
      ).status,
    ).toBe(201);
    expect(
      (await api(t.app, endpoints.createCalendarFeed, { params: { clientId: agency.client.id }, cookie: cm }))
        .status,
    ).toBe(200);
    const post = await api(t.app, endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      cookie: cm,
      body: { slotId: plan.slots[0]!.id },
    });
    expect(post.status).toBe(201);
    const assetName = `${marker('asset')}.png`;
    const { body, contentType } = multipart(assetName, makePng(), 'image/png');
    const uploaded = await raw(
      t.app,
      'POST',
      urlOf(endpoints.uploadPostAsset, { params: { postId: post.body.post.id } }),
      {
        cookie: cm,
        body,
        headers: { 'content-type': contentType },
      },
    );
    expect(uploaded.status).toBe(201);
    // A draft fact request of an unshared month.
    const draftMonth = await makeCycle(t.database.db, agency, '2027-02', false);
    const item = marker('fact-question');
    const [request] = await t.database.db
      .insert(factRequests)
      .values({ cycleId: draftMonth.id, clientId: agency.client.id, status: 'draft' })
      .returning();
    expect(
      (
        await api(t.app, endpoints.createFactItem, {
          params: { requestId: request!.id },
          cookie: cm,
          body: { question: item, kind: 'text' },
        })
      ).status,
    ).toBe(201);

    const team = JSON.stringify(
      (
        await api(t.app, endpoints.listClientEvents, {
          params: { clientId: agency.client.id },
          query: { limit: 100 },
          cookie: cm,
        })
      ).body,
    );
    for (const shown of [email, assetName, 'fact_item.created', 'calendar_feed.created']) {
      expect(team).toContain(shown);
    }
    const client = await api(t.app, endpoints.listClientEvents, {
      params: { clientId: agency.client.id },
      query: { limit: 100 },
      cookie: agency.approver.cookie,
    });
    expect(client.status).toBe(200);
    const text = JSON.stringify(client.body);
    for (const hidden of [
      email,
      assetName,
      item,
      'calendar_feed',
      'fact_request.drafted',
      'fact_item.created',
    ]) {
      expect(text).not.toContain(hidden);
    }
    // The feed itself answers: the contact sees the events meant for everyone.
    expect(client.body.events.every((e) => !e.type.startsWith('calendar_feed'))).toBe(true);
  });
});
