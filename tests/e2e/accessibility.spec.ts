import { expect, test } from '@playwright/test';
import { expectAccessible, logInByApi, pinLanguage } from './support.ts';

// Every screen of the foundation, in both languages: axe must find nothing serious or critical.
for (const lang of ['en', 'uk'] as const) {
  test(`every agency screen is accessible (${lang})`, async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    await pinLanguage(context, lang);
    await logInByApi(context, baseURL!, 'owner@plit.demo');
    const page = await context.newPage();

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: /Kyiv Coffee Roasters/ }).click();
    await expect(page.getByRole('heading', { name: 'Kyiv Coffee Roasters', level: 1 })).toBeVisible();
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
    }

    for (const path of ['/members', '/settings', '/settings/outbox']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
    }
    await context.close();
  });
}

test('the public screens are accessible', async ({ page, context }) => {
  await pinLanguage(context, 'uk');
  for (const path of [
    '/login',
    '/reset-password',
    '/invite/not-a-real-token-0000000000000000000000000',
    '/magic/expired',
  ]) {
    await page.goto(path);
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
