import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, outbox, topics } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import { meetingRoom, type PresentPerson } from '../../src/shared/live.ts';
import { localParts } from '../../src/shared/time.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, makeContact } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';
import { makePlanForMeeting } from '../support/meetings.ts';

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp();
  host = await listen(t.app);
});
afterAll(() => t.close());

type Frame = Record<string, unknown>;
const online = (f: Frame) =>
  ((f.people as PresentPerson[]) ?? []).filter((p) => p.state === 'online').map((p) => p.name);

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plit-summary-')), 'summary.pdf');
  writeFileSync(file, pdf);
  // -raw keeps each line whole, in reading order.
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

/**
 * A meeting scheduled for 27 November at 11:00 that actually runs today: the content manager
 * waits in the room before it starts, the approver and the agency's owner (not invited) join
 * while it is on; the creator and a contributor are invited and never come. Two ideas are put
 * forward (one is parked), and a topic that came from an earlier month's meeting is pulled from
 * the reserve into the plan.
 */
async function heldMeeting() {
  const agency = await makeAgency(t.database.db);
  const contributor = await makeContact(t.database.db, agency.client.id, 'contributor');
  const plan = await makePlanForMeeting(t.database.db, agency);
  const [fromReserve] = await t.database.db
    .insert(topics)
    .values({
      clientId: agency.client.id,
      cycleId: null,
      title: 'Латте-арт від бариста',
      source: 'meeting',
      status: 'parked',
      reservedAt: new Date(Date.now() - 40 * 86_400_000),
      authorName: agency.approver.name,
    })
    .returning();
  const scheduled = await api(t.app, endpoints.scheduleMeeting, {
    params: { cycleId: plan.cycle.id },
    cookie: agency.contentManager.cookie,
    body: {
      format: 'online',
      date: '2026-11-27',
      time: '11:00',
      participantIds: [agency.contentManager.id, agency.creator.id, agency.approver.id, contributor.id],
    },
  });
  expect(scheduled.status).toBe(201);
  const meetingId = scheduled.body.meeting.id;
  const room = meetingRoom(meetingId);

  const waiting = await openLive(host, agency.contentManager.cookie);
  await waiting.subscribe(room);
  await waiting.next((f) => f.type === 'presence' && online(f).includes(agency.contentManager.name));
  const started = await api(t.app, endpoints.startMeeting, {
    params: { meetingId },
    cookie: agency.contentManager.cookie,
    body: { version: scheduled.body.meeting.version },
  });
  expect(started.status).toBe(200);
  const approver = await openLive(host, agency.approver.cookie);
  await approver.subscribe(room);
  const owner = await openLive(host, agency.owner.cookie);
  await owner.subscribe(room);
  await waiting.next((f) => f.type === 'presence' && online(f).length === 3);

  const idea = async (cookie: string, title: string) => {
    const res = await api(t.app, endpoints.addMeetingIdea, {
      params: { meetingId },
      cookie,
      body: { title },
    });
    expect(res.status).toBe(201);
    return res.body.topic;
  };
  await idea(agency.approver.cookie, 'Дегустація в суботу');
  const parked = await idea(agency.contentManager.cookie, 'Кава з собою в термосі');
  const decided = await api(t.app, endpoints.decideOnTopic, {
    params: { meetingId },
    cookie: agency.contentManager.cookie,
    body: { topicId: parked.id, kind: 'park', note: '', topicVersion: parked.version },
  });
  expect(decided.status).toBe(201);
  const pulled = await api(t.app, endpoints.pullTopic, {
    params: { topicId: fromReserve!.id },
    cookie: agency.contentManager.cookie,
    body: { cycleId: plan.cycle.id, version: fromReserve!.version },
  });
  expect(pulled.status).toBe(200);

  // The invitees who never came: the socket of someone in the room before it went live counts,
  // the rest come and go later; none of them is the creator or the contributor.
  const ended = await api(t.app, endpoints.endMeeting, {
    params: { meetingId },
    cookie: agency.contentManager.cookie,
    body: { version: started.body.meeting.version, acceptUndecided: true },
  });
  expect(ended.status).toBe(200);
  for (const s of [waiting, approver, owner]) s.close();
  const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, meetingId));
  return {
    agency,
    contributor,
    meetingId,
    fromReserve: fromReserve!,
    meeting: ended.body.meeting,
    row: row!,
  };
}

let held: Awaited<ReturnType<typeof heldMeeting>>;
beforeAll(async () => {
  held = await heldMeeting();
}, 60_000);

describe('the meeting summary is true', () => {
  it('[17.7] counts each idea once: a topic pulled from the reserve that came from an earlier meeting is not a new idea', () => {
    const s = held.meeting.summary!;
    expect(s.ideas.map((i) => i.title)).toEqual(['Дегустація в суботу', 'Кава з собою в термосі']);
    // The pulled topic is in the agreed plan, once.
    expect(s.agreed.filter((a) => a.title === held.fromReserve.title)).toHaveLength(1);
  });

  it('[17.7] participants are those who came (joined the room while live, or were in it when it started); invitees who did not come are listed apart', () => {
    const { agency, contributor } = held;
    const s = held.meeting.summary!;
    expect(s.participants).toEqual(
      [
        { name: agency.contentManager.name, side: 'agency' },
        { name: agency.owner.name, side: 'agency' },
        { name: agency.approver.name, side: 'client' },
      ].sort((a, b) => (a.side === b.side ? a.name.localeCompare(b.name) : a.side === 'agency' ? -1 : 1)),
    );
    expect(s.absent).toEqual([
      { name: agency.creator.name, side: 'agency' },
      { name: contributor.name, side: 'client' },
    ]);
  });

  it('[17.7] gives the actual start and end times, not the scheduled ones', () => {
    const s = held.meeting.summary!;
    expect(held.row.startedAt).not.toBeNull();
    expect(s.startedAt).toBe(held.row.startedAt!.toISOString());
    expect(s.endedAt).toBe(held.row.endedAt!.toISOString());
    expect(held.meeting.startedAt).toBe(s.startedAt);
    expect(Date.parse(s.startedAt!)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('[17.7] the summary PDF says the same: actual times, ideas once, who came and who did not', async () => {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    const { agency, contributor, meetingId } = held;
    const s = held.meeting.summary!;
    const timezone = 'Europe/Kyiv';
    const from = localParts(new Date(s.startedAt!), timezone);
    const to = localParts(new Date(s.endedAt), timezone);
    for (const lang of ['uk', 'en'] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: urlOf(endpoints.downloadMeetingSummaryPdf, { params: { meetingId }, query: { lang } }),
        headers: { cookie: agency.approver.cookie },
      });
      expect(res.statusCode).toBe(200);
      const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
      expect(text).toContain(`${from.time}–${to.time}`);
      expect(text).not.toMatch(/27 (листопада|November) 2026/);
      expect(text.split(held.fromReserve.title)).toHaveLength(2);
      expect(text).toContain(lang === 'uk' ? 'Запрошені, але не прийшли' : 'Invited, did not come');
      const absentPart = text.slice(text.lastIndexOf(lang === 'uk' ? 'Запрошені' : 'Invited'));
      expect(absentPart).toContain(agency.creator.name);
      expect(absentPart).toContain(contributor.name);
      expect(absentPart).not.toContain(agency.approver.name);
    }
  });

  it('[17.7] the summary email says the same', async () => {
    const { agency, contributor } = held;
    const mail = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toEmail, agency.approver.email)));
    const summary = mail.find((m) => m.subject.startsWith('Підсумки'));
    expect(summary).toBeDefined();
    const text = summary!.text;
    const from = localParts(new Date(held.meeting.summary!.startedAt!), 'Europe/Kyiv');
    expect(text).toContain('Нових ідей: 2.');
    expect(text).toContain('New ideas: 2.');
    expect(text).toContain(`Зустріч відбулася`);
    expect(text).toContain(`, ${from.time}–`);
    expect(text).toMatch(new RegExp(`Учасники: [^\\n]*${agency.approver.name}`));
    expect(text).toContain(`Запрошені, але не прийшли: ${agency.creator.name}, ${contributor.name}.`);
    expect(text).toContain(`Invited, did not come: ${agency.creator.name}, ${contributor.name}.`);
  });
});
