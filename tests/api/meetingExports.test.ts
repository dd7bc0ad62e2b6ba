import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { makePlanForMeeting } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A meeting on a shared December plan, scheduled and started by the content manager. */
async function startedMeeting(agency: TestAgency, format: 'online' | 'async' = 'online') {
  const plan = await makePlanForMeeting(t.database.db, agency);
  const scheduled = await api(t.app, endpoints.scheduleMeeting, {
    params: { cycleId: plan.cycle.id },
    cookie: agency.contentManager.cookie,
    body: {
      format,
      date: '2026-11-27',
      time: '11:00',
      callLink: format === 'online' ? 'https://meet.example.com/abc' : undefined,
      participantIds: [agency.contentManager.id, agency.approver.id],
    },
  });
  expect(scheduled.status).toBe(201);
  const started = await api(t.app, endpoints.startMeeting, {
    params: { meetingId: scheduled.body.meeting.id },
    cookie: agency.contentManager.cookie,
    body: { version: scheduled.body.meeting.version },
  });
  expect(started.status).toBe(200);
  return { plan, meeting: started.body.meeting };
}

async function end(agency: TestAgency, meeting: { id: string; version: number }) {
  const ended = await api(t.app, endpoints.endMeeting, {
    params: { meetingId: meeting.id },
    cookie: agency.contentManager.cookie,
    body: { version: meeting.version, acceptUndecided: true },
  });
  expect(ended.status).toBe(200);
  return ended.body.meeting;
}

const pdfOf = (meetingId: string, cookie: string | null, lang?: 'uk' | 'en') =>
  t.app.inject({
    method: 'GET',
    url: urlOf(endpoints.downloadMeetingSummaryPdf, { params: { meetingId }, query: { lang } }),
    headers: cookie ? { cookie } : {},
  });

describe('the meeting summary as PDF', () => {
  it('is there for both sides once the meeting has ended, with the Cyrillic text in it', async () => {
    const agency = await makeAgency(t.database.db);
    const { plan, meeting } = await startedMeeting(agency);
    const decided = await api(t.app, endpoints.decideOnTopic, {
      params: { meetingId: meeting.id },
      cookie: agency.contentManager.cookie,
      body: { topicId: plan.topics[2]!.id, kind: 'park', note: 'Повернемося в січні', topicVersion: 1 },
    });
    expect(decided.status).toBe(201);
    await end(agency, meeting);

    const res = await pdfOf(meeting.id, agency.approver.cookie, 'uk');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename=".+\.pdf"; filename\*=UTF-8''/,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftotext()) {
      const file = join(mkdtempSync(join(tmpdir(), 'plit-summary-')), 'summary.pdf');
      writeFileSync(file, res.rawPayload);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Підсумки зустрічі');
      expect(text).toContain('Новий купаж');
      expect(text).toContain('Відкладено в резерв');
      expect(text).toContain('Повернемося в січні');
    }

    const english = await pdfOf(meeting.id, agency.contentManager.cookie, 'en');
    expect(english.statusCode).toBe(200);
    expect(String(english.headers['content-disposition'])).toContain('meeting-summary.pdf');
  });

  it("is not found for another client's contact, a stranger or a bad id; 401 without a session", async () => {
    const agency = await makeAgency(t.database.db);
    const other = await makeAgency(t.database.db);
    const { meeting } = await startedMeeting(agency);
    await end(agency, meeting);
    expect((await pdfOf(meeting.id, agency.otherClientApprover.cookie)).statusCode).toBe(404);
    expect((await pdfOf(meeting.id, other.owner.cookie)).statusCode).toBe(404);
    expect((await pdfOf(crypto.randomUUID(), agency.owner.cookie)).statusCode).toBe(404);
    expect((await pdfOf(meeting.id, null)).statusCode).toBe(401);
  });

  it('answers 409 while the meeting has not ended', async () => {
    const agency = await makeAgency(t.database.db);
    const { meeting } = await startedMeeting(agency, 'async');
    const res = await pdfOf(meeting.id, agency.contentManager.cookie);
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).error.code).toBe('conflict');
  });
});
