import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectAccessible, logInByApi, pinLanguage } from './support.ts';

/**
 * The demo's Kyiv Coffee Roasters planned together from last month on and imported four
 * spreadsheet months from before: its insights show the change, and the one-page PDF report
 * carries its Ukrainian text as text.
 */
test('a client sees life before and after co-creation, and the monthly PDF report is in Ukrainian', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ acceptDownloads: true });
  await pinLanguage(context, 'uk');
  await logInByApi(context, baseURL!, 'marketing@kyivcoffee.demo');
  const page = await context.newPage();
  // A contact of one client opens straight on it; the tab is one click away.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kyiv Coffee Roasters', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Аналітика' }).click();

  // The first-round share: last month against the spreadsheet months, and better.
  const card = page
    .locator('section, div')
    .filter({ hasText: /^Погоджено з першого кола/ })
    .first();
  await expect(card).toBeVisible();
  await expect(card).toContainText('До співтворчості');
  await expect(card).toContainText('краще');
  // [18.6] The current month is there, marked as unfinished, and the cards speak of last month.
  await expect(page.getByText('поточний місяць, неповний').first()).toBeVisible();
  // The trend chart names the months before co-creation in its spoken summary.
  const chart = page.getByRole('img', { name: /^Погоджено з першого кола\./ });
  await expect(chart).toHaveAttribute('aria-label', /\(До співтворчості\)/);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);

  // The report of last month, as the agency would send it.
  await page.getByRole('button', { name: 'Звіт PDF' }).click();
  const download = page.waitForEvent('download');
  // The latest finished month: the one the report judges (the running month is shown, not judged).
  await page.getByRole('menuitem').filter({ hasNotText: 'неповний' }).first().click();
  const file = await (await download).path();
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Звіт за місяць');
  expect(text).toContain('Kyiv Coffee Roasters');
  expect(text).toContain('Погоджено з першого кола');
  expect(text).toContain('У середньому до');
  expect(text).toContain('краще');
  await context.close();
});
