import { type Browser, expect, type Page, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { callApi, expectAccessible, logInByApi, pinLanguage } from './support.ts';

const CLIENT = `Zerno Bakery ${Date.now()}`;

async function signedIn(browser: Browser, baseURL: string, email: string, lang: 'en' | 'uk' = 'en') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await pinLanguage(context, lang);
  await logInByApi(context, baseURL, email);
  const page = await context.newPage();
  return { context, page };
}

async function openClient(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: new RegExp(CLIENT) }).click();
  await expect(page.getByRole('heading', { name: CLIENT, level: 1 })).toBeVisible();
}

/**
 * Before the fact request stage: the agency says what a rubric always needs from the client
 * (each fact request draft asks it for every topic of the rubric), and on which days the client
 * is reminded of what is still unanswered.
 */
test('a content manager sets what a rubric always needs and the fact reminder days', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await signedIn(browser, baseURL!, 'cm@plit.demo');
  // A client of its own, so what the demo already has does not matter: one rubric, default reminders.
  const { client } = await callApi(page.request, baseURL!, endpoints.createClient, {
    body: { name: CLIENT, timezone: 'Europe/Kyiv' },
  });
  await callApi(page.request, baseURL!, endpoints.createRubric, {
    params: { clientId: client.id },
    body: { name: 'Product', color: '#1c7ed6' },
  });
  await openClient(page);

  // Rubrics: "Product" needs nothing yet.
  await page.getByRole('tab', { name: 'Rubrics' }).click();
  const toggle = page.getByRole('button', { name: 'Always needs: 0 · Product' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
  await expect(panel.getByText('No standing questions yet — e.g. price, photos, link.')).toBeVisible();

  // A question with a choice of answers; one choice is not enough.
  await panel.getByRole('button', { name: 'Add question: Product' }).click();
  const dialog = page.getByRole('dialog', { name: 'New standing question' });
  await dialog.getByLabel('What to ask').fill('Price per 250 g pack');
  await dialog.getByRole('combobox', { name: 'Answer' }).click();
  await page.getByRole('option', { name: 'Choice' }).click();
  const choices = dialog.getByRole('combobox', { name: 'Choices' });
  await choices.fill('Whole bean');
  await choices.press('Enter');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Give at least two choices')).toBeVisible();
  await choices.fill('Ground');
  await choices.press('Enter');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Question added')).toBeVisible();
  await expect(dialog).toBeHidden();

  const needs = page.getByRole('list', { name: 'Always needs: 1 · Product' });
  await expect(needs.getByRole('listitem')).toHaveCount(1);
  await expect(needs.getByText('Price per 250 g pack')).toBeVisible();
  await expect(needs.getByText('Choices: Whole bean, Ground')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Always needs: 1 · Product' })).toBeVisible();
  await expectAccessible(page);

  // Settings: the default reminders, then on the due date too and a week overdue.
  await page.getByRole('tab', { name: 'Settings' }).click();
  const reminders = page.getByRole('region', { name: 'Fact request reminders' });
  await expect(reminders.getByText(/from 09:00 in the client’s time zone \(Europe\/Kyiv\)/)).toBeVisible();
  await expect(
    reminders.getByText('Reminded 2 days before the due date, then 1 and 3 days after it.'),
  ).toBeVisible();
  const save = reminders.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeDisabled();

  await reminders.getByRole('combobox', { name: 'Before the due date' }).click();
  await page.getByRole('option', { name: 'On the due date' }).click();
  await page.keyboard.press('Escape');
  const overdue = reminders.getByRole('combobox', { name: 'Once overdue' });
  await overdue.click();
  await overdue.fill('7');
  await page.getByRole('option', { name: '7 days after', exact: true }).click();
  await page.keyboard.press('Escape');
  const sentence =
    'Reminded 2 days before the due date and on the day itself, then 1, 3, and 7 days after it.';
  await expect(reminders.getByText(sentence)).toBeVisible();
  await save.click();
  await expect(page.getByText('Reminder days saved')).toBeVisible();
  await expect(save).toBeDisabled();
  await expectAccessible(page);

  // Kept: after a reload, and in Ukrainian.
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Fact request reminders' }).getByText(sentence),
  ).toBeVisible();
  await context.close();

  const uk = await signedIn(browser, baseURL!, 'owner@plit.demo', 'uk');
  await openClient(uk.page);
  await uk.page.getByRole('tab', { name: 'Налаштування' }).click();
  await expect(
    uk.page
      .getByRole('region', { name: 'Нагадування про фактаж' })
      .getByText(
        'Нагадування надійдуть за 2 дні до строку і в сам день, потім через 1, 3 і 7 днів після нього.',
      ),
  ).toBeVisible();
  await uk.context.close();

  // A creator reads what the rubric needs but cannot change it.
  const creator = await signedIn(browser, baseURL!, 'creator@plit.demo');
  await openClient(creator.page);
  await creator.page.getByRole('tab', { name: 'Rubrics' }).click();
  await creator.page.getByRole('button', { name: 'Always needs: 1 · Product' }).click();
  await expect(creator.page.getByText('Price per 250 g pack')).toBeVisible();
  await expect(creator.page.getByRole('button', { name: /^Add question/ })).toHaveCount(0);
  await expect(creator.page.getByRole('button', { name: /^Edit: / })).toHaveCount(0);
  await creator.context.close();
});
