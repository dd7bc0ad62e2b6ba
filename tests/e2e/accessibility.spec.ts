import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type OwnServer, ownServer } from './ownServer.ts';
import { axeVersion, callApi, expectAccessible, logInByApi, pinLanguage } from './support.ts';

/**
 * Every screen of both sides, in both languages, with every rule of axe on (see
 * expectAccessible): nothing serious or critical. The screens are lists, so a new screen is one
 * line. It runs on a server of its own because it opens the demo meeting (a live room with
 * someone who left), which the other specs' demo plan must keep scheduled.
 */

const PORT = Number(process.env.E2E_A11Y_PORT ?? 3235);
const AGENCY = 'cm@plit.demo';
const CLIENT = 'marketing@kyivcoffee.demo';
const langs = ['uk', 'en'] as const;
type Lang = (typeof langs)[number];

let server: OwnServer;

/** The demo's ids the screens need, read once through the API. */
interface Ids {
  clientId: string;
  /** This month: in content, with posts and the fact request. */
  content: string;
  /** Next month: in preparation, the full schedule, topics and the scheduled meeting. */
  preparation: string;
  meetingId: string;
  requestId: string;
  /** A post of this month the client can open. */
  postId: string;
}
let ids: Ids;

interface Screen {
  name: string;
  path: (ids: Ids) => string;
}

const agencyScreens: Screen[] = [
  { name: 'home', path: () => '/' },
  { name: 'client page', path: (i) => `/clients/${i.clientId}` },
  ...(['insights', 'reserve', 'activity', 'channels', 'rubrics', 'contacts', 'settings'] as const).map(
    (tab): Screen => ({ name: `client ${tab}`, path: (i) => `/clients/${i.clientId}?tab=${tab}` }),
  ),
  ...(['schedule', 'topics', 'cadence', 'reserve', 'meeting'] as const).map(
    (tab): Screen => ({ name: `plan ${tab}`, path: (i) => `/cycles/${i.preparation}?tab=${tab}` }),
  ),
  ...(['schedule', 'posts', 'facts', 'changes'] as const).map(
    (tab): Screen => ({ name: `month ${tab}`, path: (i) => `/cycles/${i.content}?tab=${tab}` }),
  ),
  { name: 'a post', path: (i) => `/posts/${i.postId}` },
  { name: 'facts', path: (i) => `/facts/${i.requestId}` },
  { name: 'meeting room (scheduled)', path: (i) => `/meetings/${i.meetingId}` },
  { name: 'insights', path: () => '/insights' },
  { name: 'members', path: () => '/members' },
  { name: 'settings and sessions', path: () => '/settings' },
  { name: 'outbox', path: () => '/settings/outbox' },
];

const clientScreens: Screen[] = [
  { name: 'home and to-do', path: () => '/' },
  { name: 'plan', path: (i) => `/cycles/${i.content}` },
  { name: 'posts', path: (i) => `/cycles/${i.content}?tab=posts` },
  { name: 'a post', path: (i) => `/posts/${i.postId}` },
  { name: 'facts', path: (i) => `/facts/${i.requestId}` },
  { name: 'meeting room (scheduled)', path: (i) => `/meetings/${i.meetingId}` },
  { name: 'settings', path: () => '/settings' },
];

async function signedIn(browser: Browser, email: string, lang: Lang, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width, height: 900 } });
  await pinLanguage(context, lang);
  await logInByApi(context, server.baseURL, email);
  return context;
}

/** The screen has drawn its data: a heading, no spinner, the network quiet. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  server = await ownServer(PORT);
  await server.start();
  const agency = await signedIn(browser, AGENCY, 'en');
  const base = server.baseURL;
  const { clients } = await callApi(agency.request, base, endpoints.listClients, {});
  const clientId = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!.id;
  const { cycles } = await callApi(agency.request, base, endpoints.listCycles, { params: { clientId } });
  const content = cycles.find((c) => c.stage === 'content')!.id;
  const preparation = cycles.find((c) => c.stage === 'preparation')!.id;
  const { meeting } = await callApi(agency.request, base, endpoints.getCycleMeeting, {
    params: { cycleId: preparation },
  });
  const { request } = await callApi(agency.request, base, endpoints.getCycleFactRequest, {
    params: { cycleId: content },
  });
  await agency.close();
  // A post the client sees (the agency sees drafts the client does not).
  const client = await signedIn(browser, CLIENT, 'en');
  const { posts } = await callApi(client.request, base, endpoints.listPosts, {
    params: { cycleId: content },
  });
  await client.close();
  ids = {
    clientId,
    content,
    preparation,
    meetingId: meeting!.id,
    requestId: request!.id,
    postId: posts[0]!.id,
  };
});

test.afterAll(async () => {
  await server?.dispose();
});

test('[18.9] the axe-core that checks the screens is 4.14 or newer', () => {
  // Read from the package itself (what expectAccessible injects), so the pin cannot slide back.
  const require = createRequire(import.meta.url);
  const { version } = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8'));
  expect(version).toBe(axeVersion);
  const [major, minor] = String(version).split('.').map(Number) as [number, number];
  expect(major * 1000 + minor, `axe-core ${version}`).toBeGreaterThanOrEqual(4 * 1000 + 14);
});

for (const [side, email, screens] of [
  ['agency', AGENCY, agencyScreens],
  ['client', CLIENT, clientScreens],
] as const) {
  for (const lang of langs) {
    test(`[18.9] every ${side} screen is accessible with every axe rule on (${lang})`, async ({
      browser,
    }) => {
      test.setTimeout(120_000);
      // Ukrainian on a phone, English on a laptop: the two layouts the app has.
      const context = await signedIn(browser, email, lang, lang === 'uk' ? 390 : 1280);
      const page = await context.newPage();
      for (const screen of screens) {
        await test.step(screen.name, async () => {
          await page.goto(screen.path(ids));
          await settled(page);
          await expectAccessible(page, `${side} ${screen.name} (${lang})`, { soft: true });
        });
      }
      await context.close();
    });
  }
}

test('[18.9] a live room with someone who left is accessible on both sides, in both languages', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const base = server.baseURL;
  const agencyUk = await signedIn(browser, AGENCY, 'uk', 390);
  const { meeting } = await callApi(agencyUk.request, base, endpoints.getMeeting, {
    params: { meetingId: ids.meetingId },
  });
  await callApi(agencyUk.request, base, endpoints.startMeeting, {
    params: { meetingId: meeting.id },
    body: { version: meeting.version },
  });
  const room = `/meetings/${meeting.id}`;
  const rooms: Array<{ context: BrowserContext; page: Page; where: string }> = [];
  for (const [email, lang, where] of [
    [AGENCY, 'uk', 'agency'],
    [AGENCY, 'en', 'agency'],
    [CLIENT, 'uk', 'client'],
    [CLIENT, 'en', 'client'],
  ] as const) {
    const context = where === 'agency' && lang === 'uk' ? agencyUk : await signedIn(browser, email, lang);
    const page = await context.newPage();
    await page.goto(room);
    rooms.push({ context, page, where: `${where} live room (${lang})` });
  }
  // The client's contributor comes in and leaves again.
  const visitor = await signedIn(browser, 'smm@kyivcoffee.demo', 'uk');
  const visit = await visitor.newPage();
  await visit.goto(room);
  const who = (p: Page) => p.getByRole('banner').getByRole('button', { name: /online|онлайн/ });
  for (const { page } of rooms) await expect(who(page)).toHaveAccessibleName(/3/);
  await visitor.close();
  for (const { page, where } of rooms) {
    await expect(who(page)).toHaveAccessibleName(/2/);
    await settled(page);
    await expectAccessible(page, where, { soft: true });
  }
  for (const { context } of rooms) await context.close();
});

test('the public screens are accessible', async ({ page, context }) => {
  await pinLanguage(context, 'uk');
  for (const path of [
    '/login',
    '/reset-password',
    '/invite/not-a-real-token-0000000000000000000000000',
    '/magic/expired',
  ]) {
    await page.goto(`${server.baseURL}${path}`);
    await expect(
      page
        .getByRole('heading', { level: 1 })
        .or(page.getByRole('heading', { level: 2 }))
        .first(),
    ).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
  }
});
