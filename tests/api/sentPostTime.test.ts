import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api, call, caller } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';
import { makeWritingMonth, setCopy } from '../support/posts.ts';

/**
 * A contact knows a post as the last version sent to them, publish time included; the plan,
 * its exports, the calendar feed and the events say the same (issue 15: the agency moving a sent
 * post's slot showed the contact the new time before any new version went out).
 */

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'http://plit.test' });
  host = await listen(t.app);
});
afterAll(() => t.close());

/** Calls through the endpoint catalogue with this session. */
const as = (cookie: string) => caller(t.app, cookie);

// December in Kyiv is UTC+2. The plan's slots are on 7, 14 and 21 December at 10:00.
const SENT = {
  date: '2026-12-07',
  time: '10:00',
  startsAt: '2026-12-07T08:00:00.000Z',
  ics: '20261207T080000Z',
};
const MOVED = {
  date: '2026-12-08',
  time: '18:45',
  startsAt: '2026-12-08T16:45:00.000Z',
  ics: '20261208T164500Z',
};
const EDITED = {
  date: '2026-12-09',
  time: '19:15',
  startsAt: '2026-12-09T17:15:00.000Z',
  ics: '20261209T171500Z',
};

/**
 * The writing month with a post in its first slot sent to the client (7 December, 10:00), the
 * client asking for changes: the agency may work on it again. A calendar feed exists.
 */
async function sentPostMonth(agency: TestAgency) {
  const plan = await makeWritingMonth(t.database.db, agency);
  const cm = as(agency.contentManager.cookie);
  const contact = as(agency.approver.cookie);
  const created = await cm(endpoints.createPost, {
    params: { cycleId: plan.cycle.id },
    body: { slotId: plan.slots[0]!.id },
  });
  expect(created.status).toBe(201);
  const postId: string = created.body.post.id;
  await setCopy(t.database.db, postId, 'Новий купаж з Ефіопії.');
  const sent = await cm(endpoints.movePost, {
    params: { postId },
    body: { to: 'client_review', version: created.body.post.version },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  expect(sent.body.post.publishAt).toBe(SENT.startsAt);
  const asked = await contact(endpoints.movePost, {
    params: { postId },
    body: { to: 'changes_requested', revision: 1, note: 'Додайте ціну' },
  });
  expect(asked.status).toBe(200);
  const feed = await cm(endpoints.createCalendarFeed, { params: { clientId: agency.client.id } });
  expect(feed.status).toBe(200);
  return { plan, postId, cm, contact, feedPath: new URL(feed.body.url).pathname };
}

async function slotOf(cookie: string, cycleId: string, slotId: string) {
  const plan = await as(cookie)(endpoints.getPlan, { params: { cycleId } });
  expect(plan.status).toBe(200);
  return plan.body.slots.find((s) => s.id === slotId)!;
}

/** Every schedule a side reads of the month, as text: the plan, the CSV, the deck PDF, the feed. */
async function schedulesAs(cookie: string, cycleId: string, feedPath: string) {
  const read = as(cookie);
  const plan = await read(endpoints.getPlan, { params: { cycleId } });
  const csv = await read(endpoints.downloadScheduleCsv, { params: { cycleId }, query: {} });
  const pdf = await read(endpoints.downloadDeckPdf, { params: { cycleId }, query: { lang: 'uk' } });
  const pptx = await read(endpoints.downloadDeckPptx, { params: { cycleId }, query: { lang: 'uk' } });
  for (const res of [plan, csv, pdf, pptx]) expect(res.status).toBe(200);
  const file = path.join(t.dataDir, `deck-${crypto.randomUUID()}.pdf`);
  await writeFile(file, pdf.raw);
  // The feed is read without a session: whoever holds its URL.
  const feed = await call(t.app, 'GET', feedPath);
  expect(feed.status).toBe(200);
  return {
    plan: plan.body,
    csv: csv.raw.toString('utf8'),
    deck: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    ics: feed.raw.toString('utf8'),
  };
}

async function feedOf(cookie: string, clientId: string) {
  const res = await api(t.app, endpoints.listClientEvents, {
    params: { clientId },
    query: { limit: 100 },
    cookie,
  });
  expect(res.status).toBe(200);
  return res.body.events as Array<{ type: string; subjectId: string; data: Record<string, unknown> }>;
}

describe("a sent post's slot shows a contact the sent version's time", () => {
  it('[A1] the agency moving the slot of a sent post: the contact sees the sent time in the plan, its exports, the feed and the events until the next version goes out', async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const { plan, postId, cm, feedPath } = await sentPostMonth(agency);
    const cycleId = plan.cycle.id;
    const slotId = plan.slots[0]!.id;
    const contactLive = await openLive(host, agency.approver.cookie);
    expect((await contactLive.subscribe(`client:${clientId}:all`)).type).toBe('subscribed');
    const teamLive = await openLive(host, agency.contentManager.cookie);
    expect((await teamLive.subscribe(`client:${clientId}:team`)).type).toBe('subscribed');

    const before = await slotOf(agency.contentManager.cookie, cycleId, slotId);
    const moved = await cm(endpoints.updateSlot, {
      params: { slotId },
      body: { date: MOVED.date, time: MOVED.time, version: before.version },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.slot).toMatchObject({ startsAt: MOVED.startsAt, date: MOVED.date, time: MOVED.time });
    await teamLive.next((f) => f.type === 'event' && JSON.stringify(f).includes(MOVED.time));

    // The agency sees its move everywhere.
    const team = await schedulesAs(agency.contentManager.cookie, cycleId, feedPath);
    expect(team.plan.slots.find((s) => s.id === slotId)).toMatchObject({
      startsAt: MOVED.startsAt,
      date: MOVED.date,
      time: MOVED.time,
    });
    expect(team.csv).toContain(MOVED.time);
    expect(team.deck).toContain(MOVED.time);
    expect(
      (await feedOf(agency.contentManager.cookie, clientId)).some(
        (e) => e.type === 'slot.updated' && e.data.time === MOVED.time,
      ),
    ).toBe(true);

    // The contact: the sent time, in the plan (sorted by it), the CSV, the deck and the feed.
    const seen = await schedulesAs(agency.approver.cookie, cycleId, feedPath);
    expect(seen.plan.slots.find((s) => s.id === slotId)).toMatchObject({
      startsAt: SENT.startsAt,
      date: SENT.date,
      time: SENT.time,
    });
    expect(seen.plan.slots.map((s) => s.id)).toEqual(plan.slots.map((s) => s.id));
    for (const text of [JSON.stringify(seen.plan.slots), seen.csv, seen.deck, seen.ics]) {
      expect(text).not.toContain(MOVED.time);
      expect(text).not.toContain(MOVED.date);
    }
    expect(seen.csv).toContain(SENT.date);
    expect(seen.deck).toContain(SENT.time);
    expect(seen.ics).toContain(`DTSTART:${SENT.ics}`);
    expect(seen.ics).not.toContain(MOVED.ics);
    // The post says the same.
    const post = await as(agency.approver.cookie)(endpoints.getPost, { params: { postId } });
    expect(post.body.post.publishAt).toBe(SENT.startsAt);
    // No event tells of the move: neither the feed nor the live room.
    const told = await feedOf(agency.approver.cookie, clientId);
    expect(told.some((e) => e.type === 'slot.updated')).toBe(false);
    expect(JSON.stringify(told)).not.toContain(MOVED.time);

    // The post's own publish time, moved by the agency: the same.
    const current = await cm(endpoints.getPost, { params: { postId } });
    const edited = await cm(endpoints.updatePost, {
      params: { postId },
      body: { version: current.body.post.version, publishAt: EDITED.startsAt },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await slotOf(agency.contentManager.cookie, cycleId, slotId)).time).toBe(EDITED.time);
    const still = await schedulesAs(agency.approver.cookie, cycleId, feedPath);
    expect(still.plan.slots.find((s) => s.id === slotId)).toMatchObject({ startsAt: SENT.startsAt });
    for (const text of [JSON.stringify(still.plan.slots), still.csv, still.deck, still.ics]) {
      expect(text).not.toContain(EDITED.time);
      expect(text).not.toContain(EDITED.date);
    }

    // The next version goes out: the contact learns the new time with it.
    const again = await cm(endpoints.getPost, { params: { postId } });
    const resent = await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'client_review', version: again.body.post.version },
    });
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    // The send is an event in the contact's room: the plan page refetches on any event there.
    await contactLive.next((f) => JSON.stringify(f).includes('"to":"client_review"'));
    const now = await schedulesAs(agency.approver.cookie, cycleId, feedPath);
    expect(now.plan.slots.find((s) => s.id === slotId)).toMatchObject({
      startsAt: EDITED.startsAt,
      date: EDITED.date,
      time: EDITED.time,
    });
    expect(now.csv).toContain(EDITED.time);
    expect(now.deck).toContain(EDITED.time);
    expect(now.ics).toContain(`DTSTART:${EDITED.ics}`);

    const frames = JSON.stringify(contactLive.frames);
    expect(frames).not.toContain(MOVED.time);
    expect(frames).not.toContain(MOVED.date);
    expect(contactLive.frames.some((f) => JSON.stringify(f).includes('slot.updated'))).toBe(false);
    contactLive.close();
    teamLive.close();
  });

  it('[A1] a slot without a sent post is the shared plan: its move reaches the contact live, in the feed and everywhere', async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const { plan, cm, feedPath } = await sentPostMonth(agency);
    const cycleId = plan.cycle.id;
    // The second slot has a topic and no post yet.
    const slotId = plan.slots[1]!.id;
    const contactLive = await openLive(host, agency.approver.cookie);
    expect((await contactLive.subscribe(`client:${clientId}:all`)).type).toBe('subscribed');

    const before = await slotOf(agency.contentManager.cookie, cycleId, slotId);
    const moved = await cm(endpoints.updateSlot, {
      params: { slotId },
      body: { date: MOVED.date, time: MOVED.time, version: before.version },
    });
    expect(moved.status).toBe(200);
    await contactLive.next(
      (f) =>
        f.type === 'event' &&
        JSON.stringify(f).includes('slot.updated') &&
        JSON.stringify(f).includes(MOVED.time),
    );
    const told = await feedOf(agency.approver.cookie, clientId);
    expect(
      told.some((e) => e.type === 'slot.updated' && e.subjectId === slotId && e.data.time === MOVED.time),
    ).toBe(true);
    const seen = await schedulesAs(agency.approver.cookie, cycleId, feedPath);
    expect(seen.plan.slots.find((s) => s.id === slotId)).toMatchObject({
      startsAt: MOVED.startsAt,
      date: MOVED.date,
      time: MOVED.time,
    });
    // Sorted by the time shown: the moved slot now comes right after the first.
    expect(seen.plan.slots.map((s) => s.id)).toEqual(plan.slots.map((s) => s.id));
    expect(seen.csv).toContain(MOVED.time);
    expect(seen.deck).toContain(MOVED.time);
    expect(seen.ics).toContain(`DTSTART:${MOVED.ics}`);
    contactLive.close();
  });

  it('the contact sees the slots in the order of the times shown to them', async () => {
    const agency = await makeAgency(t.database.db);
    const { plan, cm } = await sentPostMonth(agency);
    const cycleId = plan.cycle.id;
    const [first, second, third] = plan.slots.map((s) => s.id);
    // The sent post's slot moves past the second slot: the agency's order changes, the client's not.
    const before = await slotOf(agency.contentManager.cookie, cycleId, first!);
    const moved = await cm(endpoints.updateSlot, {
      params: { slotId: first! },
      body: { date: '2026-12-15', time: MOVED.time, version: before.version },
    });
    expect(moved.status).toBe(200);
    const team = await cm(endpoints.getPlan, { params: { cycleId } });
    expect(team.body.slots.map((s) => s.id)).toEqual([second, first, third]);
    const seen = await as(agency.approver.cookie)(endpoints.getPlan, { params: { cycleId } });
    expect(seen.body.slots.map((s) => s.id)).toEqual([first, second, third]);
    const csv = await as(agency.approver.cookie)(endpoints.downloadScheduleCsv, {
      params: { cycleId },
      query: {},
    });
    const dates = csv.raw
      .toString('utf8')
      .split('\n')
      .flatMap((line) => line.match(/2026-12-\d\d/) ?? []);
    expect(dates).toEqual(['2026-12-07', '2026-12-14', '2026-12-21']);
  });
});
