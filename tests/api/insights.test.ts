import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cycleStageChanges,
  cycles,
  factItems,
  factRequests,
  insightCache,
  insightHistory,
  meetings,
  posts,
  slots,
  topicPasses,
  topics,
  unplannedChanges,
} from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * October 2026 of a Kyiv client, closed, built row by row so every figure can be counted by
 * hand. The comments give the expected figure next to the rows that make it.
 */
async function october(agency: TestAgency) {
  const db = t.database.db;
  const clientId = agency.client.id;
  // Closed months were shared with the client (preparation cannot end before): its contacts
  // read their figures.
  const [september] = await db
    .insert(cycles)
    .values({ clientId, month: '2026-09', stage: 'closed', sharedAt: new Date('2026-08-20T10:00:00Z') })
    .returning();
  const [cycle] = await db
    .insert(cycles)
    .values({
      clientId,
      month: '2026-10',
      stage: 'closed',
      sharedAt: new Date('2026-09-15T10:00:00Z'),
      deadlines: { preparation: '2026-09-20', meeting: '2026-09-23', facts: '2026-09-30' },
    })
    .returning();
  const slot = async (day: number) =>
    (
      await db
        .insert(slots)
        .values({
          cycleId: cycle!.id,
          startsAt: new Date(`2026-10-${String(day).padStart(2, '0')}T08:00:00Z`),
          channelId: agency.client.channel.id,
          format: 'post',
        })
        .returning()
    )[0]!;
  const [s1, s2, s3, s4] = [await slot(5), await slot(12), await slot(19), await slot(20)];
  const topic = async (title: string, source: 'agency' | 'client' | 'meeting', status: string) =>
    (
      await db
        .insert(topics)
        .values({ clientId, cycleId: cycle!.id, title, source, status: status as 'accepted' })
        .returning()
    )[0]!;
  // Topics: accepted 2 (from the client 1, from the meeting 1, from the reserve 1), parked 1, dropped 1.
  const t1 = await topic('Від клієнта', 'client', 'accepted');
  const t2 = await topic('Відкладена', 'agency', 'parked');
  const t3 = await topic('Відкинута', 'agency', 'dropped');
  const t4 = await topic('З резерву', 'meeting', 'accepted');
  await db.insert(topicPasses).values([
    {
      topicId: t4.id,
      cycleId: september!.id,
      enteredAt: new Date('2026-08-20T10:00:00Z'),
      leftAs: 'parked',
      leftAt: new Date('2026-08-25T10:00:00Z'),
    },
    { topicId: t1.id, cycleId: cycle!.id },
    { topicId: t2.id, cycleId: cycle!.id, leftAt: new Date('2026-09-22T10:00:00Z'), leftAs: 'parked' },
    { topicId: t3.id, cycleId: cycle!.id },
    { topicId: t4.id, cycleId: cycle!.id, enteredAt: new Date('2026-09-15T10:00:00Z') },
  ]);
  // Posts: planned 3 (s4 is situational), published 1, approved 2, round 1: 1, rounds 1 and 2.
  const base = { cycleId: cycle!.id, clientId };
  const [p1, p2] = await db
    .insert(posts)
    .values([
      {
        ...base,
        slotId: s1.id,
        topicId: t1.id,
        status: 'published',
        round: 1,
        revision: 1,
        approvedRound: 1,
      },
      { ...base, slotId: s2.id, topicId: t4.id, status: 'approved', round: 2, revision: 2, approvedRound: 2 },
      { ...base, slotId: s3.id, status: 'draft' },
      { ...base, slotId: s4.id, status: 'draft' },
    ])
    .returning();
  const change = {
    cycleId: cycle!.id,
    urgency: 'today' as const,
    requesterSide: 'client' as const,
    requesterName: 'О.',
    reason: '',
  };
  await db.insert(unplannedChanges).values([
    { ...change, kind: 'situational', slotId: s4.id, covered: true, happenedOn: '2026-10-20' },
    { ...change, kind: 'replacement', postId: p2!.id, happenedOn: '2026-10-10' },
    { ...change, kind: 'same_day_rewrite', postId: p1!.id, happenedOn: '2026-10-05' },
  ]);
  // Facts: five days from sent to complete; one item late by the client's clock only (00:30
  // in Kyiv on the 25th is still the 24th in UTC), one on time at 23:30 on the due date.
  const [request] = await db
    .insert(factRequests)
    .values({
      cycleId: cycle!.id,
      clientId,
      status: 'complete',
      sentAt: new Date('2026-09-20T10:00:00Z'),
      completedAt: new Date('2026-09-25T10:00:00Z'),
    })
    .returning();
  await db.insert(factItems).values([
    {
      requestId: request!.id,
      question: 'Пізно',
      source: 'manual',
      position: 1,
      status: 'accepted',
      dueOn: '2026-09-24',
      firstAnsweredAt: new Date('2026-09-24T21:30:00Z'),
    },
    {
      requestId: request!.id,
      question: 'Вчасно',
      source: 'manual',
      position: 2,
      status: 'accepted',
      dueOn: '2026-09-24',
      firstAnsweredAt: new Date('2026-09-24T20:30:00Z'),
    },
  ]);
  // Deadlines: preparation left at 00:30 on its day in Kyiv (met); the meeting a day late
  // (missed); facts past midnight into October in Kyiv (missed), though still 30 September in UTC.
  await db.insert(cycleStageChanges).values([
    {
      cycleId: cycle!.id,
      fromStage: 'preparation',
      toStage: 'meeting',
      at: new Date('2026-09-19T21:30:00Z'),
    },
    { cycleId: cycle!.id, fromStage: 'meeting', toStage: 'facts', at: new Date('2026-09-23T21:30:00Z') },
    // The month's boundary: 21:30 UTC on 30 September is already 1 October in Kyiv (missed).
    { cycleId: cycle!.id, fromStage: 'facts', toStage: 'content', at: new Date('2026-09-30T21:30:00Z') },
  ]);
  await db.insert(meetings).values({
    cycleId: cycle!.id,
    clientId,
    format: 'async',
    status: 'ended',
    startsAt: new Date('2026-09-22T10:00:00Z'),
  });
  return cycle!;
}

describe('insights', () => {
  it('counts a month by hand-checked figures, time-zone edges included, and marks the months before', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    await october(agency);
    await db.insert(insightHistory).values({
      clientId: agency.client.id,
      month: '2026-08',
      postsPlanned: 12,
      postsPublished: 12,
      postsApproved: 12,
      approvedFirstRound: 3,
      revisionRounds: 15,
      situational: 4,
    });
    const cm = agency.contentManager.cookie;
    const set = await api(t.app, endpoints.updateClient, {
      params: { clientId: agency.client.id },
      cookie: cm,
      body: { coCreationSince: '2026-10', version: 1 },
    });
    expect(set.body.client.coCreationSince).toBe('2026-10');
    const res = await api(t.app, endpoints.getClientInsights, {
      params: { clientId: agency.client.id },
      query: { from: '2026-07', to: '2026-10' },
      cookie: cm,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(
      res.body.months.map((m: { month: string; before: boolean; source: string }) => [
        m.month,
        m.before,
        m.source,
      ]),
    ).toEqual([
      ['2026-08', true, 'imported'],
      ['2026-09', true, 'plit'],
      ['2026-10', false, 'plit'],
    ]);
    expect(res.body.months[0]!.figures).toMatchObject({
      firstRoundShare: 0.25,
      averageRounds: 2.25,
      topics: null,
    });
    expect(res.body.months[2]!.figures).toEqual({
      postsPlanned: 3,
      postsPublished: 1,
      postsApproved: 2,
      approvedFirstRound: 1,
      firstRoundShare: 0.5,
      averageRounds: 1.5,
      revisionRounds: 1,
      situational: 1,
      replacements: 1,
      rewrites: 1,
      covered: 1,
      topics: {
        proposed: 0,
        accepted: 2,
        parked: 1,
        dropped: 1,
        fromClient: 1,
        fromMeeting: 1,
        fromReserve: 1,
        // Parked on 22 September, still waiting when October ended (t4 was pulled back in).
        reserveSize: 1,
      },
      factTurnaroundDays: 5,
      factItemsOverdue: 1,
      // Its posts carry no sent versions: nothing to time.
      approvalTurnaroundHours: null,
      approvalsOverdue: null,
      deadlines: { met: 1, missed: 2 },
      meeting: 'fire_mode',
    });
  });

  it('keeps closed months in a cache that a later change makes stale', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const cycle = await october(agency);
    const cm = agency.contentManager.cookie;
    const figures = () =>
      api(t.app, endpoints.getClientInsights, {
        params: { clientId: agency.client.id },
        query: { from: '2026-10', to: '2026-10' },
        cookie: cm,
      });
    await figures();
    const [kept] = await db.select().from(insightCache).where(eq(insightCache.clientId, agency.client.id));
    expect(kept!.figures.postsPublished).toBe(1);
    // Marked published after the month closed: a recorded change, so the figures follow.
    await db.update(posts).set({ status: 'published' }).where(eq(posts.cycleId, cycle.id));
    const stale = await figures();
    expect(stale.body.months[0]!.figures.postsPublished).toBe(1);
    await api(t.app, endpoints.updateClient, {
      params: { clientId: agency.client.id },
      cookie: cm,
      body: { name: 'Renamed', version: 1 },
    });
    const fresh = await figures();
    expect(fresh.body.months[0]!.figures.postsPublished).toBe(4);
  });

  it("shows a client's contacts their own client only, and the agency view to the agency", async () => {
    const agency = await makeAgency(t.database.db);
    await october(agency);
    const own = await api(t.app, endpoints.getClientInsights, {
      params: { clientId: agency.client.id },
      cookie: agency.approver.cookie,
    });
    expect(own.status).toBe(200);
    const other = await api(t.app, endpoints.getClientInsights, {
      params: { clientId: agency.client.id },
      cookie: agency.otherClientApprover.cookie,
    });
    expect(other.status).toBe(404);
    expect((await api(t.app, endpoints.getAgencyInsights, { cookie: agency.approver.cookie })).status).toBe(
      403,
    );
    const all = await api(t.app, endpoints.getAgencyInsights, {
      query: { from: '2026-09', to: '2026-10' },
      cookie: agency.owner.cookie,
    });
    expect(all.body.months).toEqual(['2026-09', '2026-10']);
    expect(all.body.clients.map((c: { clientName: string }) => c.clientName)).toHaveLength(2);
    // Months the wrong way round must fail validation: sent as they are, past the catalogue.
    const bad = await raw(t.app, 'GET', '/api/insights?from=2026-11&to=2026-10', {
      cookie: agency.owner.cookie,
    });
    expect(bad.status).toBe(400);
  });

  it('imports past months from a spreadsheet, all or nothing, and exports CSV and a PDF report', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    await october(agency);
    const cm = agency.contentManager.cookie;
    // The spreadsheet goes as the file itself (text/csv), which the typed api() cannot send.
    const send = (csv: string, dryRun: boolean, cookie = cm) =>
      raw(
        t.app,
        'POST',
        urlOf(endpoints.importInsightHistory, {
          params: { clientId: agency.client.id },
          query: { dryRun: dryRun ? 'true' : 'false' },
        }),
        {
          cookie,
          body: Buffer.from(csv),
          headers: { 'content-type': 'text/csv' },
        },
      );
    // Ukrainian headers, semicolons, a month written the local way.
    const bad = await send(
      'Місяць;Заплановано;Опубліковано;Погоджено;З першого разу;Раунди правок\n07.2026;12;12;10;11;9\n2026-09;12;12;12;3;9\nлипень;1;1;1;1;0\n',
      false,
    );
    expect(bad.status).toBe(200);
    expect(bad.body.errors).toEqual([
      { line: 2, column: 'first round', message: 'More approved in round 1 than approved.' },
      {
        line: 3,
        column: 'month',
        message: '2026-09 was planned in Plit already; its figures come from there.',
      },
      { line: 4, column: 'month', message: 'Use a month like 2025-09 or 09.2025.' },
    ]);
    expect(bad.body.imported).toBeUndefined();
    const notNumber = await send(
      'month,planned,published,approved,first round,revision rounds\n2026-06,12,x,10,3,9\n',
      true,
    );
    expect(notNumber.body.errors).toEqual([
      { line: 2, column: 'published', message: 'Use a whole number, 0 or more.' },
    ]);
    const missing = await send('month,planned\n2026-07,3\n', true);
    expect(missing.body.errors[0].message).toMatch(/Missing columns/);
    // An approver reads insights but does not import.
    expect((await send('month,planned\n', true, agency.approver.cookie)).status).toBe(403);
    const good = await send(
      'month,planned,published,approved,first round,revision rounds,situational\n2026-07,12,11,11,2,14,5\n',
      false,
    );
    expect(good.body).toMatchObject({ imported: 1, errors: [] });
    const months = await api(t.app, endpoints.getClientInsights, {
      params: { clientId: agency.client.id },
      query: { from: '2026-07', to: '2026-10' },
      cookie: cm,
    });
    expect(months.body.months[0]).toMatchObject({ month: '2026-07', before: true, source: 'imported' });

    const csv = await api(t.app, endpoints.downloadInsightsCsv, {
      params: { clientId: agency.client.id },
      query: { from: '2026-07', to: '2026-10', lang: 'uk' },
      cookie: cm,
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.raw
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Місяць;До;Джерело;Заплановано постів;/);
    expect(lines.map((l: string) => l.split(';').slice(0, 4))).toEqual([
      ['Місяць', 'До', 'Джерело', 'Заплановано постів'],
      ['2026-07', '1', 'imported', '12'],
      ['2026-09', '0', 'plit', '0'],
      ['2026-10', '0', 'plit', '3'],
    ]);

    const pdf = await api(t.app, endpoints.downloadInsightsReportPdf, {
      params: { clientId: agency.client.id },
      query: { month: '2026-10', lang: 'uk' },
      cookie: agency.approver.cookie,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.raw.toString('latin1')).toContain('DejaVuSans');
    // The Cyrillic text is real text (it extracts as written), not boxes.
    const file = path.join(t.dataDir, 'report.pdf');
    await writeFile(file, pdf.raw);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Звіт за місяць');
    expect(text).toContain('Жовтень 2026');
    expect(text).toContain('Переписування в день публікації');
  });
});
