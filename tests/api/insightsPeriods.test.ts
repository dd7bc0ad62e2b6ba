import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, cycles, insightHistory, posts, slots } from '../../src/server/db/schema/index.ts';
import { todayIn } from '../../src/server/planning/cycleRules.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { previousMonth } from '../../src/shared/time.ts';
import { summarise } from '../../src/web/insights/agencySummary.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The server has no clock to set: the months are counted from the real current month in Kyiv.
const current = todayIn('Europe/Kyiv').slice(0, 7);
const last = previousMonth(current);
const monthsBefore = (n: number) => {
  const out: string[] = [];
  let m = last;
  for (let i = 0; i < n; i++) {
    m = previousMonth(m);
    out.unshift(m);
  }
  return out;
};

/**
 * The demo's shape: four spreadsheet months before, co-creation from last month (closed:
 * 3 of 4 posts approved in round 1, one revision round), and the current month, its cycle
 * already closed early, with 1 of 4 in round 1 so far. Counting the current month, round 1
 * "drops" from 75% to 50%.
 */
async function demoLike(agency: TestAgency) {
  const db = t.database.db;
  const clientId = agency.client.id;
  await db.update(clients).set({ coCreationSince: last }).where(eq(clients.id, clientId));
  const [m1, m2, m3, m4] = monthsBefore(4) as [string, string, string, string];
  const row = (month: string, approvedFirstRound: number, revisionRounds: number) => ({
    clientId,
    month,
    postsPlanned: 12,
    postsPublished: 12,
    postsApproved: 12,
    approvedFirstRound,
    revisionRounds,
    situational: 4,
    replacements: 2,
    rewrites: 3,
  });
  await db.insert(insightHistory).values([row(m1, 2, 16), row(m2, 3, 15), row(m3, 3, 14), row(m4, 6, 12)]);
  const cycleOf = async (month: string, firstRound: number) => {
    const [cycle] = await db
      .insert(cycles)
      .values({ clientId, month, stage: 'closed', sharedAt: new Date('2026-01-01T10:00:00Z') })
      .returning();
    for (let i = 0; i < 4; i++) {
      const [slot] = await db
        .insert(slots)
        .values({
          cycleId: cycle!.id,
          startsAt: new Date(`${month}-0${i + 2}T08:00:00Z`),
          channelId: agency.client.channel.id,
          format: 'post',
        })
        .returning();
      const first = i < firstRound;
      await db.insert(posts).values({
        cycleId: cycle!.id,
        clientId,
        slotId: slot!.id,
        status: 'approved',
        round: first ? 1 : 2,
        revision: first ? 1 : 2,
        approvedRound: first ? 1 : 2,
      });
    }
    return cycle!;
  };
  await cycleOf(last, 3);
  await cycleOf(current, 1);
  return { before: [m1, m2, m3, m4] };
}

async function pdfText(bytes: Buffer, name: string) {
  const file = path.join(t.dataDir, name);
  await writeFile(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The page's drawing, its content streams inflated: what a PDF reader paints. */
function drawingOf(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  let out = '';
  for (const match of text.matchAll(/\/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out += inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      // Fonts and images are streams too; a truncated one is not the page's drawing.
    }
  }
  return out;
}

describe('insights that compare like with like', () => {
  it('[18.6] marks the current month partial, in the client’s time zone, and leaves it out of the comparison', async () => {
    const agency = await makeAgency(t.database.db);
    const { before } = await demoLike(agency);
    const own = await api(t.app, endpoints.getClientInsights, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.months.map((m: { month: string; partial: boolean }) => [m.month, m.partial])).toEqual([
      ...before.map((m) => [m, false]),
      [last, false],
      // Its cycle is closed, the month is not: the calendar decides.
      [current, true],
    ]);

    const all = await api(t.app, endpoints.getAgencyInsights, { cookie: agency.owner.cookie });
    const mine = summarise(all.body).find((c) => c.clientId === agency.client.id)!;
    // Last month alone since co-creation: 3 of 4, not (3 + 1) of 8 with the unfinished month.
    expect(mine.firstRoundSince).toBe(0.75);
    expect(mine.averageRounds).toBe(1.25);
  });

  it('[18.6] compares before and since co-creation over equal periods, per month', async () => {
    const agency = await makeAgency(t.database.db);
    await demoLike(agency);
    const all = await api(t.app, endpoints.getAgencyInsights, { cookie: agency.owner.cookie });
    const mine = summarise(all.body).find((c) => c.clientId === agency.client.id)!;
    // One finished month since: compared with the one month just before, not all four.
    expect(mine.periodMonths).toBe(1);
    expect(mine.firstRoundBefore).toBe(0.5);
    expect(mine.roundsPerMonthBefore).toBe(12);
    expect(mine.roundsPerMonthSince).toBe(1);
  });

  it('[18.6] the monthly PDF report carries the trend chart and the better/worse badges, in Ukrainian and English', async () => {
    const agency = await makeAgency(t.database.db);
    const { before } = await demoLike(agency);
    const report = (month: string, lang: 'uk' | 'en') =>
      api(t.app, endpoints.downloadInsightsReportPdf, {
        params: { clientId: agency.client.id },
        query: { month, lang },
        cookie: agency.contentManager.cookie,
      });
    const uk = await report(last, 'uk');
    expect(uk.headers['content-type']).toBe('application/pdf');
    const ukText = await pdfText(uk.raw, 'report-uk.pdf');
    const axis = (lang: string) => (m: string) =>
      new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' })
        .format(new Date(`${m}-01T00:00:00Z`))
        .replace(/\.$/, '');
    // The month axis names each month of the trend, the one reported included.
    for (const m of [...before, last]) expect(ukText).toContain(axis('uk-UA')(m));
    expect(ukText).toContain('Погоджено з першого кола');
    expect(ukText).toContain('краще');
    // The period the average covers is said.
    expect(ukText).toMatch(/4 місяці/);
    // Drawn, not pasted: lines and points as vector operators, no image.
    const drawing = drawingOf(uk.raw);
    expect(drawing).toMatch(/ l\n/);
    expect(drawing).toMatch(/ c\n/);
    expect(uk.raw.toString('latin1')).not.toContain('/Subtype /Image');

    const en = await pdfText((await report(last, 'en')).raw, 'report-en.pdf');
    for (const m of [...before, last]) expect(en).toContain(axis('en-GB')(m));
    expect(en).toContain('Approved in round 1');
    expect(en).toContain('better');
    expect(en).toMatch(/4 months/);

    // The current month: said to be partial, and not judged against the months before.
    const running = await pdfText((await report(current, 'uk')).raw, 'report-running.pdf');
    expect(running).toContain('поточний місяць, неповний');
    expect(running).not.toMatch(/краще|гірше/);
    const runningEn = await pdfText((await report(current, 'en')).raw, 'report-running-en.pdf');
    expect(runningEn).toContain('in progress');
    expect(runningEn).not.toMatch(/better|worse/);
  });

  it('[18.6] a month with no data gives a PDF and a CSV that say so, in either language', async () => {
    const agency = await makeAgency(t.database.db);
    const cm = agency.contentManager.cookie;
    for (const [lang, sentence] of [
      ['uk', 'Цей місяць ще не планували в Plit.'],
      ['en', 'This month was not planned in Plit yet.'],
    ] as const) {
      const pdf = await api(t.app, endpoints.downloadInsightsReportPdf, {
        params: { clientId: agency.client.id },
        query: { month: '2026-03', lang },
        cookie: cm,
      });
      expect(pdf.status).toBe(200);
      expect((await pdfText(pdf.raw, `empty-${lang}.pdf`)).replace(/\s+/g, ' ')).toContain(sentence);
      const csv = await api(t.app, endpoints.downloadInsightsCsv, {
        params: { clientId: agency.client.id },
        query: { from: '2026-01', to: '2026-03', lang },
        cookie: cm,
      });
      expect(csv.status).toBe(200);
      const lines = csv.raw
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(lang === 'uk' ? 'За ці місяці даних немає' : 'No data for these months');
    }
  });
});
