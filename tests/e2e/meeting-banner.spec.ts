import { expect, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type OwnServer, ownServer } from './ownServer.ts';
import { callApi, expectAccessible, logInByApi, pinLanguage } from './support.ts';

/**
 * Issue 17: the client's marketing lead, on a phone in Ukrainian, is on some page of Plit when the
 * agency opens the meeting; a banner says so and one tap on "Join" takes her into the room. It runs
 * on a server of its own: starting the demo meeting uses it up for the other specs' demo plan.
 */

const PORT = Number(process.env.E2E_NOTIFY_PORT ?? 3231);
const CLIENT = 'marketing@kyivcoffee.demo';

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await ownServer(PORT);
  await server.start();
});

test.afterAll(async () => {
  await server?.dispose();
});

test('[17.9] the client is told the meeting is live and joins from the banner in one tap', async ({
  browser,
}) => {
  const base = server.baseURL;
  const agency = await browser.newContext({ baseURL: base });
  await logInByApi(agency, base, 'cm@plit.demo');
  const { clients } = await callApi(agency.request, base, endpoints.listClients, {});
  const clientId = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!.id;
  const { cycles } = await callApi(agency.request, base, endpoints.listCycles, { params: { clientId } });
  const cycleId = cycles.find((c) => c.stage === 'preparation')!.id;
  const { meeting } = await callApi(agency.request, base, endpoints.getCycleMeeting, { params: { cycleId } });
  expect(meeting?.status).toBe('scheduled');

  const phone = await browser.newContext({
    baseURL: base,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await pinLanguage(phone, 'uk');
  await logInByApi(phone, base, CLIENT);
  const page = await phone.newPage();
  // Some page of hers: the client's page (her home), not the meeting.
  await page.goto('/');
  await expect(page).toHaveURL(/\/clients\//);
  await expect(page.getByRole('button', { name: /^Сповіщення/ })).toBeVisible();
  const banner = page.getByRole('status', { name: 'Просто зараз' });
  await expect(banner).toHaveCount(0);

  // The agency opens the room, in its own browser.
  await callApi(agency.request, base, endpoints.startMeeting, {
    params: { meetingId: meeting!.id },
    body: { version: meeting!.version },
  });

  // Told at once, on the page she is on, without reloading it.
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Зустріч щодо плану на');
  await expect(banner).toContainText('почалася');
  await expectAccessible(page);
  // One tap, and she is in the live room.
  await banner.getByRole('link', { name: 'Приєднатися' }).tap();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meeting!.id}$`));
  // The room: live, following the facilitator.
  await expect(page.getByText('Триває', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Ви бачите те, що показує/)).toBeVisible();
  // In the room there is nothing left to join.
  await expect(banner).toHaveCount(0);

  // A page opened while the meeting is live shows the banner too (from the bell's data).
  const later = await phone.newPage();
  await later.goto('/');
  await expect(later.getByRole('status', { name: 'Просто зараз' })).toBeVisible();

  await phone.close();
  await agency.close();
});
