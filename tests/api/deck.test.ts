import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, users } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api, call } from '../support/http.ts';
import { packageProblems } from '../support/opcPackage.ts';
import { makeCycle } from '../support/planning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Kind = 'pptx' | 'pdf';
const spec = { pptx: endpoints.downloadDeckPptx, pdf: endpoints.downloadDeckPdf };

async function deck(kind: Kind, cycleId: string, cookie: string, lang?: 'uk' | 'en') {
  const res = await call(
    t.app,
    'GET',
    urlOf(spec[kind], { params: { cycleId }, query: lang ? { lang } : {} }),
    {
      cookie,
    },
  );
  expect(res.status).toBe(200);
  return res.raw;
}

/** The text of each slide (PPTX) or page (PDF), as a reader program extracts it. */
async function pages(kind: Kind, bytes: Buffer): Promise<string[]> {
  if (kind === 'pdf')
    return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return Promise.all(
    names.map(async (f) =>
      [...(await zip.file(f)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '),
    ),
  );
}

/** The demo's case: a topic meant as an Instagram reel, put in the Tue 5 Jan 12:00 Telegram post slot. */
async function misplaced(agency: TestAgency) {
  const cycle = await makeCycle(t.database.db, agency, '2027-01', true);
  const cm = agency.contentManager.cookie;
  const telegram = (
    await api(t.app, endpoints.createChannel, {
      params: { clientId: agency.client.id },
      cookie: cm,
      body: { network: 'telegram', handle: '@brandchannel', formats: ['post', 'text'] },
    })
  ).body.channel;
  const slot = (
    await api(t.app, endpoints.createSlot, {
      params: { cycleId: cycle.id },
      cookie: cm,
      body: { date: '2027-01-05', time: '12:00', channelId: telegram.id, format: 'post' },
    })
  ).body.slot;
  const topic = (
    await api(t.app, endpoints.createTopic, {
      params: { cycleId: cycle.id },
      cookie: cm,
      body: {
        title: 'Дегустація нового лоту з Ефіопії',
        channelId: agency.client.channel.id,
        format: 'story',
      },
    })
  ).body.topic;
  const placed = await api(t.app, endpoints.placeTopicInSlot, {
    params: { slotId: slot.id },
    cookie: cm,
    body: { topicId: topic.id, version: slot.version },
  });
  expect(placed.status).toBe(200);
  return cycle;
}

describe('the plan deck', () => {
  it.each(['pptx', 'pdf'] as const)(
    "[18.1] %s: a topic meant for Instagram in a Telegram slot has a slide saying the slot's Telegram post",
    async (kind) => {
      const agency = await makeAgency(t.database.db);
      const cycle = await misplaced(agency);
      const text = await pages(kind, await deck(kind, cycle.id, agency.owner.cookie));
      const slide = text.find((p) => p.includes('Дегустація нового лоту') && p.includes('Тема 1 з 1'))!;
      expect(slide).toMatch(/Вт, 5 січня · 12:00/);
      expect(slide).toContain('Telegram · @brandchannel');
      expect(slide).toMatch(/Пост/);
      expect(slide).not.toContain('Instagram');
      expect(slide).not.toContain('Сторіс');
    },
  );

  it.each(['pptx', 'pdf'] as const)(
    "[18.1] %s: the deck is in the client's language whoever downloads it; ?lang= still overrides",
    async (kind) => {
      const agency = await makeAgency(t.database.db);
      const cycle = await misplaced(agency);
      // An owner who works in English downloads a Ukrainian client's deck: it stays Ukrainian.
      await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, agency.owner.id));
      const first = (await pages(kind, await deck(kind, cycle.id, agency.owner.cookie))).join('\n');
      expect(first).toContain('Теми місяця');
      expect(first).not.toContain('Topics of the month');

      const client = (
        await api(t.app, endpoints.getClient, {
          params: { clientId: agency.client.id },
          cookie: agency.owner.cookie,
        })
      ).body.client;
      expect(client.language).toBe('uk');
      const changed = await api(t.app, endpoints.updateClient, {
        params: { clientId: agency.client.id },
        cookie: agency.contentManager.cookie,
        body: { language: 'en', version: client.version },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.client.language).toBe('en');
      // The client's approver reads Ukrainian; the deck made for the client is in English now.
      const english = (await pages(kind, await deck(kind, cycle.id, agency.approver.cookie))).join('\n');
      expect(english).toContain('Topics of the month');
      expect(english).toMatch(/Tue 5 January · 12:00/);
      expect(english).not.toContain('Теми місяця');
      const asked = (await pages(kind, await deck(kind, cycle.id, agency.approver.cookie, 'uk'))).join('\n');
      expect(asked).toContain('Теми місяця');
    },
  );

  it('[18.1] only the agency sets the client’s language, to a language Plit speaks', async () => {
    const agency = await makeAgency(t.database.db);
    const client = (
      await api(t.app, endpoints.getClient, {
        params: { clientId: agency.client.id },
        cookie: agency.owner.cookie,
      })
    ).body.client;
    const by = (cookie: string, language: string) =>
      call(t.app, 'PATCH', urlOf(endpoints.updateClient, { params: { clientId: agency.client.id } }), {
        cookie,
        body: { language, version: client.version },
      });
    expect((await by(agency.owner.cookie, 'de')).status).toBe(400);
    expect((await by(agency.approver.cookie, 'en')).status).toBe(403);
  });

  it('[18.2] the downloaded PPTX is a whole package: every Override and relationship target exists', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await misplaced(agency);
    expect(await packageProblems(await deck('pptx', cycle.id, agency.owner.cookie))).toEqual([]);
  });

  it.each(['pptx', 'pdf'] as const)(
    '[18.1] %s of an empty plan, and of a client without channels, says there is no plan yet',
    async (kind) => {
      const agency = await makeAgency(t.database.db);
      const cycle = await makeCycle(t.database.db, agency, '2027-02', true);
      const empty = await pages(kind, await deck(kind, cycle.id, agency.owner.cookie));
      expect(empty).toHaveLength(2);
      expect(empty[1]).toContain('Плану на цей місяць ще немає');
      const english = await pages(kind, await deck(kind, cycle.id, agency.owner.cookie, 'en'));
      expect(english[1]).toContain('No plan for this month yet');

      await t.database.db.delete(channels).where(eq(channels.clientId, agency.client.id));
      const bare = await pages(kind, await deck(kind, cycle.id, agency.approver.cookie));
      expect(bare[1]).toContain('Канали клієнта ще не додано');
    },
  );
});
