import { expect, type Page, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { callApi, logInByApi, pinLanguage } from './support.ts';

/** The demo's next-month plan of Kyiv Coffee Roasters (in preparation), with its cadence. */
async function kyivNextMonth(page: Page, baseURL: string) {
  const { clients } = await callApi(page.request, baseURL, endpoints.listClients, {});
  const kyiv = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!;
  const { cycles } = await callApi(page.request, baseURL, endpoints.listCycles, {
    params: { clientId: kyiv.id },
  });
  const cycle = cycles.find((c) => c.stage === 'preparation')!;
  const { channels } = await callApi(page.request, baseURL, endpoints.listChannels, {
    params: { clientId: kyiv.id },
  });
  const plan = await callApi(page.request, baseURL, endpoints.getPlan, { params: { cycleId: cycle.id } });
  return { cycle, plan, channels };
}

test('[18.3][18.10] Ukrainian interface on an English browser: 24-hour and dd.mm.yyyy fields; fill the month with a preview, undo it; delete two slots at once', async ({
  browser,
  baseURL,
}) => {
  // The browser says English (US); the interface is Ukrainian.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await pinLanguage(context, 'uk');
  await logInByApi(context, baseURL!, 'cm@plit.demo');
  const page = await context.newPage();
  const { cycle, plan, channels } = await kyivNextMonth(page, baseURL!);
  const month = cycle.month;
  const instagram = channels.find((c) => c.network === 'instagram')!;
  const original = plan.cadence.map(({ id: _id, ...rule }) => rule);
  // The demo's cadence is its schedule already; one more rule, stories on Saturdays at 18:00.
  await callApi(page.request, baseURL!, endpoints.replaceCadence, {
    params: { cycleId: cycle.id },
    body: {
      rules: [
        ...original,
        { channelId: instagram.id, format: 'story', weekdays: [6], time: '18:00', rubricId: null },
      ],
      version: cycle.version,
    },
  });
  // Two slots to delete later, at times nothing else has.
  for (const time of ['07:10', '07:20'])
    await callApi(page.request, baseURL!, endpoints.createSlot, {
      params: { cycleId: cycle.id },
      body: { date: `${month}-02`, time, channelId: instagram.id, format: 'post' },
    });

  await page.goto(`/cycles/${cycle.id}?tab=cadence`);
  const rule = page.getByRole('group', { name: 'Правило 3' });
  // 24 hours: the hours field says 18 and there is no AM/PM.
  await expect(rule.getByRole('spinbutton', { name: 'Години' })).toHaveValue('18');
  await expect(rule.getByRole('spinbutton', { name: 'Хвилини' })).toHaveValue('00');
  await expect(rule.getByText(/AM|PM/)).toHaveCount(0);

  // The preview: Saturdays to create, the demo's own times skipped with the reason.
  await page.getByRole('button', { name: 'Заповнити місяць' }).click();
  const preview = page.getByRole('dialog');
  await expect(preview.getByText('Дати й час — за часовим поясом клієнта, Europe/Kyiv.')).toBeVisible();
  await expect(preview.getByText('Пропущено: на каналі вже є слот на цей час').first()).toBeVisible();
  const saturdays = await preview.locator('tbody tr:not([data-skipped])').count();
  expect(saturdays).toBeGreaterThanOrEqual(4);
  await preview.getByRole('button', { name: /^Створити \d+ слот/ }).click();
  await expect(preview).toBeHidden();
  const status = page.getByRole('status').filter({ hasText: 'Створено' });
  await expect(status).toContainText(`Створено ${saturdays}`);
  let now = await callApi(page.request, baseURL!, endpoints.getPlan, { params: { cycleId: cycle.id } });
  expect(now.slots.filter((s) => s.time === '18:00')).toHaveLength(saturdays);

  // Undo takes exactly those back.
  await page.getByRole('button', { name: 'Скасувати' }).click();
  await expect(page.getByText(/^Заповнення скасовано: прибрано \d+ слот/)).toBeVisible();
  now = await callApi(page.request, baseURL!, endpoints.getPlan, { params: { cycleId: cycle.id } });
  expect(now.slots.filter((s) => s.time === '18:00')).toHaveLength(0);

  // A date field: dd.mm.yyyy whatever the browser's language.
  await page.getByRole('tab', { name: 'Графік постингу' }).click();
  await page
    .locator('label')
    .filter({ hasText: /^Список$/ })
    .click();
  await page.getByRole('button', { name: 'Додати слот' }).first().click();
  const form = page.getByRole('dialog');
  const [y, m] = month.split('-');
  await expect(form.getByRole('button', { name: /^Дата/ }).or(form.getByLabel(/^Дата/))).toHaveValue(
    `01.${m}.${y}`,
  );
  await expect(form.getByRole('spinbutton', { name: 'Години' })).toBeVisible();
  await form.getByRole('button', { name: 'Скасувати' }).click();

  // Selection mode: tick two slots, delete them with one confirmation, by keyboard.
  await page.getByRole('button', { name: 'Вибрати слоти' }).click();
  const first = page.getByRole('checkbox', { name: /07:10/ });
  await first.focus();
  await page.keyboard.press('Space');
  await page.getByRole('checkbox', { name: /07:20/ }).check();
  await expect(page.getByText('Вибрано 2')).toBeVisible();
  await page.getByRole('button', { name: 'Видалити 2 слоти' }).click();
  const confirm = page.getByRole('dialog', { name: 'Видалити вибрані слоти?' });
  await expect(confirm).toContainText('Буде видалено 2 слоти');
  await confirm.getByRole('button', { name: 'Видалити 2 слоти' }).click();
  await expect(page.getByText('Видалено 2 слоти')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /07:10|07:20/ })).toHaveCount(0);
  now = await callApi(page.request, baseURL!, endpoints.getPlan, { params: { cycleId: cycle.id } });
  expect(now.slots.filter((s) => s.time.startsWith('07:'))).toHaveLength(0);

  // The demo as it was, for the specs after this one.
  await callApi(page.request, baseURL!, endpoints.replaceCadence, {
    params: { cycleId: cycle.id },
    body: { rules: original, version: now.cycle.version },
  });
  await context.close();
});
