import { type Browser, expect, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type OwnServer, ownServer } from './ownServer.ts';
import { callApi, expectAccessible, logInByApi, pinLanguage } from './support.ts';

// Its own server: approving the demo's posts and answering its facts changes what other specs find.
const PORT = Number(process.env.E2E_TODO_PORT ?? 3265);
const SHOTS = process.env.PLIT_SHOTS_DIR;

async function signedIn(browser: Browser, base: string, email: string, phone: boolean, lang: 'uk' | 'en') {
  const context = await browser.newContext({
    baseURL: base,
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
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

test('[17.9] the client’s home on a phone lists what waits; once done, whose move turns to the agency on both sides', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const base = server.baseURL;
  const phone = await signedIn(browser, base, 'marketing@kyivcoffee.demo', true, 'uk');
  const agency = await signedIn(browser, base, 'cm@plit.demo', false, 'en');

  // The demo month: posts in the client's review, fact items and a follow-up waiting.
  const before = await callApi(phone.request, base, endpoints.getTodo, {});
  const waiting = before.clients.find((c) => c.clientName === 'Kyiv Coffee Roasters')!;
  const n = waiting.posts.length;
  expect(n).toBeGreaterThan(0);
  await phone.goto('/');
  await expect(phone.getByRole('heading', { name: 'Kyiv Coffee Roasters', level: 1 })).toBeVisible();
  const todo = phone.getByRole('region', { name: 'Ваші справи' });
  await expect(todo).toBeVisible();
  await expect(todo.getByTestId('todo-move').first()).toContainText(
    new RegExp(`Чий хід: клієнт — ${n} публікаці[яії]+ на погодження до \\d+ груд\\., \\d+ відпові`),
  );
  await expect(todo.getByRole('heading', { name: 'Пости на погодження' })).toBeVisible();
  await expect(todo.getByRole('heading', { name: 'Запит на фактаж' })).toBeVisible();
  await expect(todo.getByRole('link', { name: 'Графік роботи кав’ярень у святкові дні' })).toBeVisible();
  await expect(todo.getByRole('link', { name: 'Посилання на сторінку в магазині' })).toBeVisible();
  await expect(todo.getByText('Уточнення', { exact: true })).toBeVisible();
  // The agency sees the same move on its home.
  await agency.goto('/');
  const card = agency.getByTestId('whose-move').filter({ hasText: 'Whose move: client' });
  await expect(card).toContainText(`${n} post${n === 1 ? '' : 's'} to approve by`);
  await expectAccessible(phone);
  if (SHOTS) await phone.screenshot({ path: `${SHOTS}/move-todo-phone-uk.png`, fullPage: true });

  // Each fact item is a link to the exact item on the request's page.
  await todo.getByRole('link', { name: 'Графік роботи кав’ярень у святкові дні' }).click();
  await expect(phone).toHaveURL(/\/facts\/[0-9a-f-]{36}#item-[0-9a-f-]{36}$/);
  const itemId = phone.url().split('#item-')[1]!;
  await expect(phone.locator(`#item-${itemId}`)).toBeInViewport();
  await phone.goBack();

  // Approve them at once: a post with an open comment is named in the dialog, which asks.
  await todo.getByRole('button', { name: /^Погодити (всі )?\d+ пост/ }).click();
  const dialog = phone.getByRole('dialog');
  const commented = waiting.posts.filter((p) => p.openComments > 0);
  if (commented.length > 0) {
    await expect(dialog.getByText('Деякі пости мають невирішені коментарі')).toBeVisible();
    await dialog.getByRole('button', { name: 'Погодити все одно' }).click();
  } else {
    await dialog.getByRole('button', { name: /^Погодити/ }).click();
  }
  await expect(phone.getByText(new RegExp(`Погоджено ${n} пост`))).toBeVisible();
  await expect(todo.getByRole('heading', { name: 'Пости на погодження' })).toHaveCount(0);
  // The facts still wait: still the client's move.
  await expect(todo.getByTestId('todo-move').first()).toContainText(/Чий хід: клієнт — \d+ відпові/);

  // The client answers what is left (as the answer page would) and replies to the follow-up.
  const { clients } = await callApi(phone.request, base, endpoints.getTodo, {});
  const coffee = clients.find((c) => c.clientName === 'Kyiv Coffee Roasters')!;
  const requestId = coffee.factItems[0]!.requestId;
  const page = await callApi(phone.request, base, endpoints.getFactRequest, { params: { requestId } });
  for (const waiting of coffee.factItems) {
    const item = page.request.items.find((i) => i.id === waiting.itemId)!;
    if (waiting.followUp) {
      await callApi(phone.request, base, endpoints.writeFactMessage, {
        params: { itemId: item.id },
        body: { body: 'Нова сторінка: https://kyivcoffee.demo/gudji' },
      });
    } else {
      await callApi(phone.request, base, endpoints.submitFactAnswer, {
        params: { itemId: item.id },
        body: {
          answer: { kind: 'not_available', reason: 'Уточнимо наступного тижня' },
          answerVersion: item.answerVersion,
        },
      });
    }
  }

  // Nothing waits: the to-do says so without a reload (it follows the client's room), and whose
  // move is the agency's on both sides.
  await expect(todo.getByRole('heading', { name: 'Зараз від вас нічого не чекають' })).toBeVisible();
  await expect(todo.getByTestId('todo-move').first()).toContainText('Чий хід: агенція');
  await expectAccessible(phone);
  if (SHOTS) await phone.screenshot({ path: `${SHOTS}/move-todo-phone-uk-empty.png`, fullPage: true });

  const forAgency = await callApi(agency.request, base, endpoints.listClients, { query: {} });
  const month = forAgency.clients.find((c) => c.name === 'Kyiv Coffee Roasters')!.currentCycle!;
  expect(month.owner).toBe('agency');
  expect(month.waiting.map((w) => w.kind)).toContain('review_fact_answers');
  await agency.reload();
  await expect(agency.getByTestId('whose-move').filter({ hasText: 'review' }).first()).toContainText(
    'Whose move: agency — review',
  );
  if (SHOTS) await agency.screenshot({ path: `${SHOTS}/move-agency-home-en.png`, fullPage: true });
});
