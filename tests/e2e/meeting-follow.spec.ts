import { type Browser, expect, type Page, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { Topic } from '../../src/shared/api/index.ts';
import { type OwnServer, ownServer } from './ownServer.ts';
import { callApi, logInByApi, pinLanguage } from './support.ts';

/**
 * Following the facilitator on a phone: the client's marketing lead, in Ukrainian on a 390 px
 * screen, has scrolled down the list of topics; the agency's content manager, on a laptop,
 * moves the room to another topic and then to another agenda item. Each time the phone shows
 * the new title, not the bottom of the old list. A server of its own: it uses up the demo
 * meeting, which the other specs' demo plan must keep in preparation.
 */

const PORT = Number(process.env.E2E_FOLLOW_PORT ?? 3245);

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await ownServer(PORT);
  await server.start();
});

test.afterAll(async () => {
  await server?.dispose();
});

async function signedIn(browser: Browser, email: string, lang: 'uk' | 'en', width: number, height: number) {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width, height } });
  await pinLanguage(context, lang);
  await logInByApi(context, server.baseURL, email);
  return { context, page: await context.newPage() };
}

const scrollToBottom = (page: Page) =>
  page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));

test('[17.6] a follower on a phone is shown the title of each place the facilitator moves the room to', async ({
  browser,
}) => {
  const agency = await signedIn(browser, 'cm@plit.demo', 'en', 1280, 900);
  const client = await signedIn(browser, 'marketing@kyivcoffee.demo', 'uk', 390, 844);
  try {
    const as = agency.context.request;
    const { clients } = await callApi(as, server.baseURL, endpoints.listClients, {});
    const clientId = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!.id;
    const { cycles } = await callApi(as, server.baseURL, endpoints.listCycles, { params: { clientId } });
    const cycleId = cycles.find((c) => c.stage === 'preparation')!.id;
    const plan = await callApi(as, server.baseURL, endpoints.getPlan, { params: { cycleId } });
    const topics: Topic[] = [...plan.topics].sort((a, b) => a.position - b.position);
    const { meeting } = await callApi(as, server.baseURL, endpoints.getCycleMeeting, { params: { cycleId } });
    await callApi(as, server.baseURL, endpoints.startMeeting, {
      params: { meetingId: meeting!.id },
      body: { version: meeting!.version },
    });

    await agency.page.goto(`/meetings/${meeting!.id}`);
    await client.page.goto(`/meetings/${meeting!.id}`);
    await expect(client.page.getByText(/^Ви бачите те, що показує .+$/)).toBeVisible();

    // The facilitator opens "Topics"; on the phone the client reads down the list to its end.
    await agency.page
      .getByRole('region', { name: 'Agenda' })
      .getByRole('button', { name: /^Topics/ })
      .click();
    const main = client.page.getByRole('main');
    const itemTitle = (name: string) => main.getByRole('heading', { level: 2, name, exact: true });
    const topicTitle = (title: string) => main.getByRole('heading', { level: 3, name: title, exact: true });
    await expect(itemTitle('Теми')).toBeVisible();
    await expect(topicTitle(topics[0]!.title)).toBeVisible();
    await scrollToBottom(client.page);
    // The list is long enough on a phone that its end is out of sight of the topic's title.
    await expect(topicTitle(topics[0]!.title)).not.toBeInViewport();

    // The facilitator moves to another topic: the phone shows its title.
    const next = topics[3]!;
    await agency.page
      .getByRole('navigation', { name: /^All topics/ })
      .getByRole('listitem')
      .filter({ hasText: next.title })
      .click();
    await expect(topicTitle(next.title)).toBeInViewport();
    await expect(itemTitle('Теми')).toBeInViewport();

    // And to another agenda item, from the bottom of the list again.
    await scrollToBottom(client.page);
    await expect(topicTitle(next.title)).not.toBeInViewport();
    await agency.page
      .getByRole('region', { name: 'Agenda' })
      .getByRole('button', { name: /^Questions/ })
      .click();
    await expect(itemTitle('Запитання')).toBeInViewport();
  } finally {
    await agency.context.close();
    await client.context.close();
  }
});
