import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type OwnServer, ownServer } from './ownServer.ts';
import {
  callApi,
  emailedLink,
  emailedLinkCount,
  expectAccessible,
  logInByApi,
  pinLanguage,
} from './support.ts';

/**
 * The fact request from send to accept: the agency sends it from the cycle's Facts tab, the
 * client's approver opens the emailed link (read from the run's mail sink) on a phone, answers (the
 * draft survives a reload), uploads a photo, and the agency accepts it. Its own server, because
 * it ends the demo meeting that other specs need in preparation.
 */

const PORT = Number(process.env.E2E_FACTS_PORT ?? 3240);
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** A real PNG: a coffee-coloured square. */
function photo(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(data.length + 12);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), data.length + 8);
    return out;
  };
  const size = 64;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, 0x8b)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let server: OwnServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await ownServer(PORT);
  await server.start();
});
test.afterAll(async () => {
  await server?.dispose();
});

test('the client answers from the emailed link on a phone, uploads a photo, and the agency accepts it', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const base = server.baseURL;
  const agency = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  await pinLanguage(agency, 'en');
  await logInByApi(agency, base, 'cm@plit.demo');

  // Next month's demo meeting ends (through the API: the meeting has its own spec), which drafts
  // the request from the rubrics' standing needs.
  const { clients } = await callApi(agency.request, base, endpoints.listClients, {});
  const coffee = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!;
  const { cycles } = await callApi(agency.request, base, endpoints.listCycles, {
    params: { clientId: coffee.id },
  });
  const cycleId = cycles.find((c) => c.stage === 'preparation')!.id;
  const { meeting } = await callApi(agency.request, base, endpoints.getCycleMeeting, { params: { cycleId } });
  if (!meeting) throw new Error('The demo plans a meeting for next month.');
  const started = await callApi(agency.request, base, endpoints.startMeeting, {
    params: { meetingId: meeting.id },
    body: { version: meeting.version },
  });
  await callApi(agency.request, base, endpoints.endMeeting, {
    params: { meetingId: meeting.id },
    body: { version: started.meeting.version, acceptUndecided: true },
  });

  // The agency adds a general question to the draft and sends it. Other servers of the run
  // email the same demo approver: the link wanted is in the next fact request email.
  const approver = 'marketing@kyivcoffee.demo';
  const factRequestEmail = { subject: /^Запит на фактаж/ };
  const linksBefore = await emailedLinkCount(approver, 'open', factRequestEmail);
  const desk = await agency.newPage();
  await desk.goto(`/cycles/${cycleId}?tab=facts`);
  await expect(desk.getByRole('heading', { name: 'Draft fact request' })).toBeVisible();
  await desk.getByRole('button', { name: 'Add item to General' }).click();
  const holidays = 'Opening hours on the holidays';
  const form = desk.getByRole('form', { name: 'Add item to General' });
  await form.getByLabel('What to ask').fill(holidays);
  await form.getByRole('button', { name: /^(Add|Save)/ }).click();
  await expect(desk.getByRole('button', { name: `Edit: ${holidays}` })).toBeVisible();
  await desk.getByRole('button', { name: 'Send to client' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Send the fact request?' });
  await expect(dialog).toContainText(approver);
  await dialog.getByRole('button', { name: /^Send \d+ items?$/ }).click();
  await expect(desk.getByText('Waiting for answers', { exact: true })).toBeVisible();

  // The email reaches the approver; its link is their own.
  const link = await emailedLink(approver, 'open', { ...factRequestEmail, after: linksBefore });
  expect(link).toMatch(/\/open\/[A-Za-z0-9_-]{43}$/);

  // The approver, signed in nowhere, opens it on a phone.
  const client = await browser.newContext({ baseURL: base, ...phone });
  await pinLanguage(client, 'en');
  const mobile = await client.newPage();
  await mobile.goto(new URL(link).pathname);
  await expect(mobile).toHaveURL(/\/facts\/[0-9a-f-]{36}$/);
  await expect(mobile.getByRole('heading', { level: 1 })).toBeVisible();

  // A typed answer is kept as a draft: a reload (a closed tab) does not lose it.
  const hoursCard = mobile.getByRole('article', { name: holidays });
  const answer = hoursCard.getByLabel('Your answer');
  await answer.fill('31 Dec 9:00–18:00, 1 Jan closed');
  await expect(hoursCard.getByText(/Draft saved/).first()).toBeVisible();
  await mobile.reload();
  await expect(hoursCard.getByLabel('Your answer')).toHaveValue('31 Dec 9:00–18:00, 1 Jan closed');
  await hoursCard.getByRole('button', { name: 'Send answer' }).click();
  await expect(hoursCard.getByText('Sent', { exact: true })).toBeVisible();

  // A photo for the first "photos" item, from the phone's files.
  const photoCard = mobile.getByRole('article', { name: 'Фото пачки (2–3 кадри)' }).first();
  await photoCard.locator('input[type=file][multiple]').setInputFiles({
    name: 'пачка.png',
    mimeType: 'image/png',
    buffer: photo(),
  });
  // The preview is the real picture, fetched back from the server.
  const thumb = photoCard.getByRole('link', { name: 'Preview of пачка.png' });
  await thumb.scrollIntoViewIfNeeded();
  await expect
    .poll(() => thumb.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(64);
  await photoCard.getByRole('button', { name: 'Send answer' }).click();
  await expect(photoCard.getByText('Sent', { exact: true })).toBeVisible();
  // Nothing on the phone is wider than the phone.
  const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(mobile);

  // The agency sees the photo and accepts it; the phone shows it accepted without a reload.
  await desk.reload();
  const accept = desk.getByRole('button', { name: 'Accept: Фото пачки (2–3 кадри)' }).first();
  await expect(accept).toBeVisible();
  const seen = desk.locator('img[src*="preview=1"]').first();
  await seen.scrollIntoViewIfNeeded();
  await expect.poll(() => seen.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await accept.click();
  await expect(desk.getByText('Answer accepted')).toBeVisible();
  await expect(photoCard.getByText('Accepted', { exact: true })).toBeVisible();
  await expectAccessible(desk);

  await client.close();
  await agency.close();
});
