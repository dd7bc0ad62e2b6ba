import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';
import { makePlanForMeeting } from '../support/meetings.ts';
import { allParts, parseMime } from '../support/mime.ts';

/** Names a calendar program splits at `:` or `;` unless the CN is a quoted-string. */
const APPROVER = 'Olena: "Marketing"; Lead';
const ORGANIZER = 'Ігор; Kyiv, Studio: "Plit"';

/** The invitation of a meeting the content manager schedules with the approver. */
async function invite(app: TestApp['app'], db: TestApp['database']['db'], agency: TestAgency) {
  await db.update(users).set({ name: APPROVER }).where(eq(users.id, agency.approver.id));
  await db.update(users).set({ name: ORGANIZER }).where(eq(users.id, agency.contentManager.id));
  const plan = await makePlanForMeeting(db, agency);
  const res = await api(app, endpoints.scheduleMeeting, {
    params: { cycleId: plan.cycle.id },
    cookie: agency.contentManager.cookie,
    body: {
      format: 'online',
      date: '2026-11-27',
      time: '11:00',
      callLink: 'https://meet.example.com/abc',
      participantIds: [agency.contentManager.id, agency.approver.id],
    },
  });
  expect(res.status).toBe(201);
  return res.body.meeting;
}

/** What a calendar program reads of the invitation (ical.js, as calendar web apps use it). */
function readInvitation(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent')!;
  const person = (p: ICAL.Property) => ({ cn: p.getParameter('cn'), value: String(p.getFirstValue()) });
  const stamp = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time | null)?.toICALString();
  return {
    method: calendar.getFirstPropertyValue('method'),
    organizer: event.getAllProperties('organizer').map(person),
    attendees: event
      .getAllProperties('attendee')
      .map((p) => ({ ...person(p), rsvp: p.getParameter('rsvp') })),
    event: {
      UID: event.getFirstPropertyValue('uid'),
      SEQUENCE: String(event.getFirstPropertyValue('sequence')),
      DTSTAMP: stamp('dtstamp'),
      DTSTART: stamp('dtstart'),
      DTEND: stamp('dtend'),
    },
  };
}

describe('a meeting invitation through SMTP', () => {
  const t = withMailedApp();

  it('[18.7] carries the .ics as a text/calendar; method=REQUEST alternative, and quoted names round-trip', async () => {
    const agency = await makeAgency(t.database.db);
    const meeting = await invite(t.app, t.database.db, agency);
    const mail = await t.sink.waitFor(agency.approver.email);
    // A mail program's reading (mailparser): the calendar part says METHOD=REQUEST in its type.
    const parsed = await simpleParser(mail.raw);
    const request = parsed.attachments.find((a) => a.contentType === 'text/calendar' && !a.filename);
    const requestType = request?.headers.get('content-type') as
      | { params?: Record<string, string> }
      | undefined;
    expect(requestType?.params?.method).toBe('REQUEST');
    // Where it sits decides whether accept/decline is offered: inside the multipart/alternative.
    const root = parseMime(mail.raw);
    const alternative = allParts(root).find((p) => p.mediaType === 'multipart/alternative');
    expect(alternative?.parts.map((p) => p.mediaType)).toEqual(['text/plain', 'text/html', 'text/calendar']);
    const calendar = alternative!.parts.find((p) => p.mediaType === 'text/calendar')!;
    expect(calendar.param('method')).toBe('REQUEST');
    // The file stays attached as well, for programs that only import attachments.
    const attached = allParts(root).filter((p) => /^attachment/i.test(p.disposition));
    expect(attached.map((p) => p.param('name') ?? p.disposition)).toEqual([
      expect.stringContaining('meeting.ics'),
    ]);
    expect(attached[0]!.body).toBe(calendar.body);

    expect(request!.content.toString('utf8')).toBe(calendar.body);
    const read = readInvitation(calendar.body);
    // The MIME part's method and the file's own METHOD say the same.
    expect(read.method).toBe('REQUEST');
    expect(read.organizer).toEqual([
      { cn: 'Ігор; Kyiv, Studio: Plit', value: `mailto:${agency.contentManager.email}` },
    ]);
    expect(read.attendees).toContainEqual({
      cn: 'Olena: Marketing; Lead',
      value: `mailto:${agency.approver.email}`,
      rsvp: 'TRUE',
    });
    // What a REQUEST needs to be accepted or declined and later replaced (RFC 5546 §3.2.2).
    expect(read.event).toEqual({
      UID: `meeting-${meeting.id}@plit`,
      SEQUENCE: String(meeting.version),
      DTSTAMP: expect.stringMatching(/^\d{8}T\d{6}Z$/),
      DTSTART: '20261127T090000Z',
      DTEND: expect.stringMatching(/^20261127T\d{6}Z$/),
    });
  });
});

describe('the outbox without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('[18.7] lists an invitation’s .ics and lets the owner download it, to nobody else', async () => {
    const agency = await makeAgency(t.database.db);
    const meeting = await invite(t.app, t.database.db, agency);
    const list = await api(t.app, endpoints.listOutboxMessages, { cookie: agency.owner.cookie });
    expect(list.status).toBe(200);
    const message = list.body.messages.find((m) => m.to === agency.approver.email && m.attachments.length);
    expect(message?.attachments).toEqual([
      {
        index: 0,
        name: 'meeting.ics',
        contentType: expect.stringMatching(/^text\/calendar/),
        size: expect.any(Number),
      },
    ]);
    // A message without files says so with an empty list, not a missing field.
    expect(list.body.messages.every((m) => Array.isArray(m.attachments))).toBe(true);

    const params = { messageId: message!.id, index: 0 };
    const file = await api(t.app, endpoints.downloadOutboxAttachment, {
      params,
      cookie: agency.owner.cookie,
    });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/calendar/);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="meeting\.ics"/);
    expect(file.raw.length).toBe(message!.attachments[0]!.size);
    const ics = file.raw.toString('utf8');
    expect(ics).toContain(`UID:meeting-${meeting.id}@plit`);
    expect(readInvitation(ics).attendees.map((a) => a.cn)).toContain('Olena: Marketing; Lead');

    // The outbox's own rule: owners only; another agency's owner is not told it exists.
    const refused = await api(t.app, endpoints.downloadOutboxAttachment, {
      params,
      cookie: agency.contentManager.cookie,
    });
    expect(refused.status).toBe(403);
    const other = await makeAgency(t.database.db);
    expect(
      (await api(t.app, endpoints.downloadOutboxAttachment, { params, cookie: other.owner.cookie })).status,
    ).toBe(404);
    expect(
      (
        await api(t.app, endpoints.downloadOutboxAttachment, {
          params: { ...params, index: 1 },
          cookie: agency.owner.cookie,
        })
      ).status,
    ).toBe(404);
    const bad = await raw(t.app, 'GET', `/api/outbox/${message!.id}/attachments/x`, {
      cookie: agency.owner.cookie,
    });
    expect(bad.status).toBe(400);
  });
});
