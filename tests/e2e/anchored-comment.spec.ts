import { type Browser, expect, type Page, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type OwnServer, ownServer } from './ownServer.ts';
import { callApi, logInByApi, pinLanguage, selectPhrase } from './support.ts';

/**
 * [17.9] An anchored comment survives typing over its phrase: the client comments on a phrase
 * on a 390 px phone in Ukrainian and asks for changes; the writer, on a laptop in English,
 * reads the note at the top of the editor, selects the highlighted phrase and types new words
 * over it; the comment is then about the whole new phrase (not one letter), still highlighted.
 * Its own server: it writes a post into the demo month other specs read.
 */

const PORT = Number(process.env.E2E_ANCHOR_PORT ?? 3260);
const COPY = 'Новий купаж: Гуджі з Ефіопії, ягідний і яскравий.';
const PHRASE = 'Гуджі з Ефіопії';
const TYPED = 'Гуджі, Ефіопія';

async function signedIn(
  browser: Browser,
  base: string,
  email: string,
  lang: 'en' | 'uk',
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport });
  await pinLanguage(context, lang);
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

test('[17.9] an anchored comment survives typing over its phrase', async ({ browser }) => {
  test.setTimeout(180_000);
  const base = server.baseURL;
  const writer = await signedIn(browser, base, 'cm@plit.demo', 'en', { width: 1280, height: 900 });

  // A new post for a slot of the demo month still waiting for one.
  const { clients } = await callApi(writer.request, base, endpoints.listClients, {});
  const coffee = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!;
  const { cycles } = await callApi(writer.request, base, endpoints.listCycles, {
    params: { clientId: coffee.id },
  });
  const month = cycles.find((c) => c.stage === 'content')!;
  const { unwritten } = await callApi(writer.request, base, endpoints.listPosts, {
    params: { cycleId: month.id },
  });
  const created = await callApi(writer.request, base, endpoints.createPost, {
    params: { cycleId: month.id },
    body: { slotId: unwritten[0]!.slotId },
  });
  const postUrl = `/posts/${created.post.id}`;

  await writer.goto(postUrl);
  const copy = writer.locator('.ProseMirror[contenteditable="true"]');
  await copy.click();
  await writer.keyboard.type(COPY);
  await expect(writer.getByText('Saved', { exact: true }).first()).toBeVisible();
  await writer.getByRole('button', { name: 'Send to the client' }).click();
  const anyway = writer.getByRole('button', { name: 'Send to the client anyway' });
  if (await anyway.isVisible().catch(() => false)) await anyway.click();
  await expect(writer.getByText('In client review').first()).toBeVisible();

  // The client, on a phone in Ukrainian, comments on the phrase and asks for changes.
  const client = await signedIn(browser, base, 'marketing@kyivcoffee.demo', 'uk', {
    width: 390,
    height: 844,
  });
  await client.goto(postUrl);
  await expect(client.locator('.review-copy')).toContainText(COPY);
  await selectPhrase(client, PHRASE);
  await client.getByRole('button', { name: `Коментувати «${PHRASE}»` }).click();
  const composer = client.getByRole('form', { name: 'Новий коментар' });
  await composer.getByRole('textbox', { name: 'Ваш коментар', exact: true }).fill('Коротше, як на етикетці.');
  await composer.getByRole('button', { name: 'Надіслати коментар' }).click();
  await expect(client.locator('.review-copy .review-mark').first()).toHaveText(PHRASE);
  await client.getByRole('button', { name: 'Попросити правки' }).click();
  await client.getByLabel('Що змінити?').fill('Назву лоту — як на пачці.');
  await client.getByRole('button', { name: 'Надіслати агенції' }).click();
  await expect(client.getByRole('button', { name: 'Попросити правки' })).toHaveCount(0);

  // The writer sees why at the top of the editor, and the phrase highlighted in the copy.
  const asked = writer.getByRole('region', { name: 'The client asked for changes' });
  await expect(asked).toBeVisible({ timeout: 15_000 });
  await expect(asked).toContainText('Назву лоту — як на пачці.');
  await expect(asked).toContainText(`“${PHRASE}”`);
  await expect(asked).toContainText('Коротше, як на етикетці.');
  const editable = writer.locator('.ProseMirror[contenteditable="true"]');
  await expect(editable).toBeVisible({ timeout: 15_000 });
  const highlight = editable.locator('.post-copy__comment-highlight');
  await expect(highlight).toHaveText(PHRASE);

  // The writer selects the phrase and types over it.
  await editable.click();
  await writer.keyboard.press('Control+Home');
  const at = COPY.indexOf(PHRASE);
  for (let i = 0; i < at; i++) await writer.keyboard.press('ArrowRight');
  for (let i = 0; i < PHRASE.length; i++) await writer.keyboard.press('Shift+ArrowRight');
  await writer.keyboard.type(TYPED);
  await expect(editable).toContainText(`Новий купаж: ${TYPED}, ягідний і яскравий.`);
  // Live, in the editor: the whole new phrase is highlighted.
  await expect(highlight).toHaveText(TYPED);
  await expect(writer.getByText('Saved', { exact: true }).first()).toBeVisible();

  // As the server reads it: the comment is about the whole new phrase, not its first letter.
  await writer.reload();
  await expect(editable).toBeVisible({ timeout: 15_000 });
  await expect(highlight).toHaveText(TYPED);
  await expect(writer.getByText(`Now reads: “${TYPED}”`).first()).toBeVisible();
  const post = await callApi(writer.request, base, endpoints.getPost, {
    params: { postId: created.post.id },
  });
  expect(post.comments[0]?.anchor).toMatchObject({ quote: PHRASE, current: TYPED, orphaned: false });

  // A click on the highlighted phrase opens its comment beside the copy.
  await highlight.click();
  await expect(writer.locator(`#comment-${post.comments[0]!.id}`)).toHaveAttribute('aria-current', 'true');
});
