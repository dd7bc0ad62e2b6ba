import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/context.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { makeCycle } from '../support/planning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A file download as the browser makes it (the answer's bytes, not parsed). */
async function download(app: App, url: string, cookie: string | null) {
  return app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
}

/** An agency with a December plan: two slots, two topics, one of them placed. */
async function planned() {
  const agency = await makeAgency(t.database.db);
  const cycle = await makeCycle(t.database.db, agency, '2026-12', true);
  const cm = agency.contentManager.cookie;
  const slot = (
    await api(t.app, endpoints.createSlot, {
      params: { cycleId: cycle.id },
      cookie: cm,
      body: { date: '2026-12-07', time: '10:00', channelId: agency.client.channel.id, format: 'post' },
    })
  ).body.slot;
  await api(t.app, endpoints.createSlot, {
    params: { cycleId: cycle.id },
    cookie: cm,
    body: { date: '2026-12-09', time: '18:30', channelId: agency.client.channel.id, format: 'story' },
  });
  const topic = (
    await api(t.app, endpoints.createTopic, {
      params: { cycleId: cycle.id },
      cookie: cm,
      body: { title: 'Різдвяний бленд, "особлива" обсмажка', angle: 'Як ми обсмажуємо, крок за кроком' },
    })
  ).body.topic;
  await api(t.app, endpoints.createTopic, {
    params: { cycleId: cycle.id },
    cookie: cm,
    body: { title: '=HYPERLINK("x")' },
  });
  await api(t.app, endpoints.placeTopicInSlot, {
    params: { slotId: slot.id },
    cookie: cm,
    body: { topicId: topic.id, version: slot.version },
  });
  return { agency, cycle };
}

describe('plan exports', () => {
  it('the deck is a real PPTX with a slide per topic and the Cyrillic text in it', async () => {
    const { agency, cycle } = await planned();
    const res = await download(
      t.app,
      urlOf(endpoints.downloadDeckPptx, { params: { cycleId: cycle.id }, query: { lang: 'uk' } }),
      agency.contentManager.cookie,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('presentationml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const zip = await JSZip.loadAsync(res.rawPayload);
    const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slideFiles.length).toBeGreaterThanOrEqual(4); // title, calendar, two topics
    const text = (await Promise.all(slideFiles.map((f) => zip.file(f)!.async('string')))).join('\n');
    expect(text).toContain('Грудень 2026');
    expect(text).toContain('Різдвяний бленд');
    expect(text).toContain(agency.client.name);
  });

  it('the same deck as PDF', async () => {
    const { agency, cycle } = await planned();
    const res = await download(
      t.app,
      urlOf(endpoints.downloadDeckPdf, { params: { cycleId: cycle.id } }),
      agency.owner.cookie,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the schedule as CSV, local times, with formulas neutralised', async () => {
    const { agency, cycle } = await planned();
    const res = await download(
      t.app,
      urlOf(endpoints.downloadScheduleCsv, { params: { cycleId: cycle.id } }),
      agency.contentManager.cookie,
    );
    expect(res.statusCode).toBe(200);
    const body = res.rawPayload.toString('utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(body).toContain('2026-12-07');
    expect(body).toContain('10:00');
    expect(body).toContain('18:30');
    expect(body).toContain('"Різдвяний бленд, ""особлива"" обсмажка"');
  });

  it('keeps exports of an unshared plan from the client and of any plan from other agencies', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency, '2026-12', false);
    const outsider = await makeAgency(t.database.db);
    expect(
      (
        await download(
          t.app,
          urlOf(endpoints.downloadDeckPptx, { params: { cycleId: cycle.id } }),
          agency.approver.cookie,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await download(
          t.app,
          urlOf(endpoints.downloadScheduleCsv, { params: { cycleId: cycle.id } }),
          outsider.owner.cookie,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await download(t.app, urlOf(endpoints.downloadDeckPdf, { params: { cycleId: cycle.id } }), null))
        .statusCode,
    ).toBe(401);
  });
});

describe('calendar feed', () => {
  it('serves the schedule at a secret URL without a login, until it is revoked or replaced', async () => {
    const { agency } = await planned();
    const created = await api(t.app, endpoints.createCalendarFeed, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
    });
    expect(created.status).toBe(200);
    const path = new URL(created.body.url).pathname;
    const feed = await download(t.app, path, null);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain('DTSTART:20261207T080000Z');
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);

    const rotated = await api(t.app, endpoints.createCalendarFeed, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
    });
    expect((await download(t.app, path, null)).statusCode).toBe(404);
    await api(t.app, endpoints.revokeCalendarFeed, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
    });
    expect((await download(t.app, new URL(rotated.body.url).pathname, null)).statusCode).toBe(404);
  });

  it('is managed by the agency’s managers only', async () => {
    const agency = await makeAgency(t.database.db);
    expect(
      (
        await api(t.app, endpoints.createCalendarFeed, {
          params: { clientId: agency.client.id },
          cookie: agency.creator.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(t.app, endpoints.createCalendarFeed, {
          params: { clientId: agency.client.id },
          cookie: agency.approver.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await download(
          t.app,
          urlOf(endpoints.getCalendarFeed, { params: { feed: `${'A'.repeat(43)}.ics` } }),
          null,
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe('holidays', () => {
  it("lists the client country's public holidays of a month in the asked language", async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.listHolidays, {
      params: { clientId: agency.client.id },
      query: { month: '2027-01', lang: 'uk' },
      cookie: agency.approver.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.body.days).toContainEqual(expect.objectContaining({ date: '2027-01-01', type: 'public' }));
  });

  it('[18.4] serves Ukraine’s January as the law has it: 1 January only, no substitute day; 22 January apart, with its source', async () => {
    const agency = await makeAgency(t.database.db);
    const january = async (month: string, lang: 'uk' | 'en') => {
      const res = await api(t.app, endpoints.listHolidays, {
        params: { clientId: agency.client.id },
        query: { month, lang },
        cookie: agency.contentManager.cookie,
      });
      expect(res.status).toBe(200);
      return res.body.days;
    };
    for (const month of ['2026-01', '2027-01']) {
      const days = await january(month, 'uk');
      expect(days.filter((d) => d.type === 'public').map((d) => [d.date, d.name])).toEqual([
        [`${month}-01`, 'Новий рік'],
      ]);
      expect(days).toContainEqual({
        date: `${month}-22`,
        name: 'День Соборності України',
        type: 'observance',
        source: 'Указ Президента України № 42/99 від 21.01.1999 «Про День соборності України»',
        url: 'https://zakon.rada.gov.ua/laws/show/42/99',
      });
    }
    expect((await january('2027-01', 'en')).find((d) => d.date === '2027-01-22')?.name).toBe(
      'Day of Unity of Ukraine',
    );
  });
});

describe('topic import from CSV', () => {
  const send = (agency: TestAgency, cycleId: string, bytes: Buffer, dryRun: boolean) =>
    t.app.inject({
      method: 'POST',
      url: urlOf(endpoints.importTopics, {
        params: { cycleId },
        query: { dryRun: dryRun ? 'true' : 'false' },
      }),
      headers: {
        cookie: agency.contentManager.cookie,
        'content-type': 'text/csv',
        origin: 'http://plit.test',
      },
      payload: bytes,
    });

  it('previews a cp1251 spreadsheet with Excel’s semicolons, then imports it and fills dated slots', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency);
    await api(t.app, endpoints.createSlot, {
      params: { cycleId: cycle.id },
      cookie: agency.contentManager.cookie,
      body: { date: '2026-12-10', time: '10:00', channelId: agency.client.channel.id, format: 'post' },
    });
    const csv =
      'Назва;Кут;Рубрика;Дата\nКава з корицею;Зимовий рецепт;Product;10.12.2026\nЛатте-арт;Майстер-клас;;\n';
    const bytes = iconv.encode(csv, 'win1251');
    const preview = await send(agency, cycle.id, bytes, true);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ encoding: 'windows-1251', errors: [] });
    expect(preview.json().rows.map((r: { title: string }) => r.title)).toEqual([
      'Кава з корицею',
      'Латте-арт',
    ]);
    const plan0 = await api(t.app, endpoints.getPlan, {
      params: { cycleId: cycle.id },
      cookie: agency.contentManager.cookie,
    });
    expect(plan0.body.topics).toHaveLength(0);

    const done = await send(agency, cycle.id, bytes, false);
    expect(done.json().created).toBe(2);
    const plan = await api(t.app, endpoints.getPlan, {
      params: { cycleId: cycle.id },
      cookie: agency.contentManager.cookie,
    });
    const cinnamon = plan.body.topics.find((x: { title: string }) => x.title === 'Кава з корицею')!;
    expect(cinnamon.slotId).toBe(plan.body.slots[0]!.id);
  });

  it('changes nothing when a row is wrong, and says which', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency);
    const csv = Buffer.from(
      'title,rubric,date\nGood one,,\nBad rubric,Новини,\nWrong month,,2027-02-01\n',
      'utf8',
    );
    const res = await send(agency, cycle.id, csv, false);
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBeUndefined();
    expect(res.json().errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    const plan = await api(t.app, endpoints.getPlan, {
      params: { cycleId: cycle.id },
      cookie: agency.contentManager.cookie,
    });
    expect(plan.body.topics).toHaveLength(0);
  });

  it('refuses a file without a title column, and an oversized file before reading it', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency);
    const wrong = await send(agency, cycle.id, Buffer.from('foo,bar\n1,2\n'), true);
    expect(wrong.json().errors).toHaveLength(1);
    const huge = await send(agency, cycle.id, Buffer.alloc(3 * 1024 * 1024, 0x61), true);
    expect(huge.statusCode).toBe(413);
  });
});
