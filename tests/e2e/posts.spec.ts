import { type Browser, expect, type Page, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type OwnServer, ownServer } from './ownServer.ts';
import { callApi, expectAccessible, logInByApi, pinLanguage, selectPhrase } from './support.ts';

/**
 * A post from draft to approval in two rounds, in two browsers: the writer drafts it from the
 * fact pack in the shared editor, the client comments on a phrase and asks for changes, the
 * writer revises, the client approves, and both see round 2. Its own server: it writes posts
 * into the demo month other specs read.
 */

const PORT = Number(process.env.E2E_POSTS_PORT ?? 3250);

async function signedIn(browser: Browser, base: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  await pinLanguage(context, 'en');
  await logInByApi(context, base, email);
  return context.newPage();
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

test('a writer drafts from the fact pack, the client comments on a phrase, and approves round 2', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const base = server.baseURL;
  const writer = await signedIn(browser, base, 'cm@plit.demo');

  // The demo month's slots still waiting for a post are the ones the fact request is about.
  const { clients } = await callApi(writer.request, base, endpoints.listClients, {});
  const coffee = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!;
  const { cycles } = await callApi(writer.request, base, endpoints.listCycles, {
    params: { clientId: coffee.id },
  });
  const month = cycles.find((c) => c.stage === 'content')!;
  const { request } = await callApi(writer.request, base, endpoints.getCycleFactRequest, {
    params: { cycleId: month.id },
  });
  const priced = request!.items.find((i) => i.question.startsWith('Ціна за 250 г'))!;
  const { unwritten } = await callApi(writer.request, base, endpoints.listPosts, {
    params: { cycleId: month.id },
  });
  const topic = unwritten.find((u) => u.topicId === priced.topicId)!;

  // The writer starts the post from the Posts tab's queue.
  await writer.goto(`/cycles/${month.id}?tab=posts`);
  await writer.getByRole('button', { name: `Write post: ${topic.topicTitle}` }).click();
  await expect(writer).toHaveURL(/\/posts\/[0-9a-f-]{36}$/);
  const postUrl = new URL(writer.url()).pathname;
  const copy = writer.locator('.ProseMirror[contenteditable="true"]');
  await expect(copy).toBeVisible();
  await copy.click();
  await writer.keyboard.type('Різдвяний лот уже в кав’ярнях. ');
  // The price comes from the fact pack, as the client gave it.
  await writer.getByRole('tab', { name: /Topic & facts/ }).click();
  await writer.getByRole('button', { name: 'Insert into copy: Ціна за 250 г і за 1 кг' }).click();
  await expect(copy).toContainText('250 г – 420 грн, 1 кг – 1450 грн');
  await expect(writer.getByText('Saved', { exact: true }).first()).toBeVisible();
  await expectAccessible(writer);
  await writer.getByRole('button', { name: 'Send to the client' }).click();
  // With problems on the network it asks first; without, it goes at once.
  const anyway = writer.getByRole('button', { name: 'Send to the client anyway' });
  if (await anyway.isVisible().catch(() => false)) await anyway.click();
  await expect(writer.getByText('In client review').first()).toBeVisible();
  await expect(copy).toHaveCount(0);

  // The client's approver reads it in another browser and comments on a phrase.
  const client = await signedIn(browser, base, 'marketing@kyivcoffee.demo');
  await client.goto(postUrl);
  await expect(client.locator('.review-copy')).toContainText('Різдвяний лот уже в кав’ярнях.');
  await selectPhrase(client, 'Різдвяний лот');
  await client.getByRole('button', { name: 'Comment on “Різдвяний лот”' }).click();
  const composer = client.getByRole('form', { name: 'New comment' });
  await expect(composer.getByRole('textbox', { name: 'The words your comment is about' })).toHaveValue(
    'Різдвяний лот',
  );
  await composer
    .getByRole('textbox', { name: 'Your comment', exact: true })
    .fill('Назвіть країну: «Різдвяний лот з Ефіопії».');
  await composer.getByRole('button', { name: 'Send comment' }).click();
  // The phrase is marked in the text it was written on.
  await expect(client.locator('.review-copy .review-mark').first()).toHaveText('Різдвяний лот');
  await expectAccessible(client);
  await client.getByRole('button', { name: 'Request changes' }).click();
  await client.getByLabel('What should change?').fill('Додайте країну походження.');
  await client.getByRole('button', { name: 'Send to the agency' }).click();
  await expect(client.getByText(/Changes requested|The agency is revising/).first()).toBeVisible();

  // The writer sees it live, revises where the comment points, and sends round 2.
  await expect(writer.getByText('Changes requested').first()).toBeVisible({ timeout: 15_000 });
  const editable = writer.locator('.ProseMirror[contenteditable="true"]');
  await expect(editable).toBeVisible({ timeout: 15_000 });
  await editable.click();
  await writer.keyboard.press('Control+Home');
  for (let i = 0; i < 'Різдвяний лот'.length; i++) await writer.keyboard.press('ArrowRight');
  await writer.keyboard.type(' з Ефіопії');
  await expect(editable).toContainText('Різдвяний лот з Ефіопії уже в кав’ярнях.');
  await expect(writer.getByText('Saved', { exact: true }).first()).toBeVisible();
  await writer
    .getByRole('button', { name: /Send (to the client|for approval again)/ })
    .first()
    .click();
  const again = writer.getByRole('button', { name: 'Send to the client anyway' });
  if (await again.isVisible().catch(() => false)) await again.click();
  await expect(writer.getByText('In client review').first()).toBeVisible();

  // The client reads the new version (its phrase still marked) and approves it.
  await client.reload();
  await expect(client.locator('.review-copy')).toContainText('Різдвяний лот з Ефіопії уже в кав’ярнях.');
  await client.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(client.getByText(/Approved in round 2/).first()).toBeVisible();

  // Round 2 is on record on both sides.
  await expect(writer.getByText(/Approved in round 2/).first()).toBeVisible({ timeout: 15_000 });
  const postId = postUrl.split('/').at(-1)!;
  const post = await callApi(writer.request, base, endpoints.getPost, { params: { postId } });
  expect(post.post).toMatchObject({ status: 'approved', round: 2, approvedRound: 2 });
});
