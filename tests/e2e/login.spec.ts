import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, pinLanguage } from './support.ts';

test.describe('logging in', () => {
  test('in English: a wrong password is explained, the right one opens the agency home', async ({
    page,
    context,
  }) => {
    await pinLanguage(context, 'en');
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Log in to Plit' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Email').fill('cm@plit.demo');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Email or password is wrong.');

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
    await expect(page.getByText('Kyiv Coffee Roasters')).toBeVisible();
    await expect(page.getByText('Lviv Book Fair')).toBeVisible();
    // Another agency's client is never listed.
    await expect(page.getByText('Odesa Wine')).toHaveCount(0);
    await expectAccessible(page);
  });

  test('in Ukrainian: the whole way in is in Ukrainian, and the choice survives a reload', async ({
    page,
    context,
  }) => {
    await pinLanguage(context, 'uk');
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('heading', { name: 'Вхід до Plit' })).toBeVisible();
    await page.getByLabel('Електронна пошта').fill('owner@plit.demo');
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Увійти', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Клієнти', level: 1 })).toBeVisible();
    await expect(page.getByText('Цикл ще не розпочато').first()).toBeVisible();
    await expectAccessible(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Клієнти', level: 1 })).toBeVisible();
  });

  test('switching the language on the login page changes it at once', async ({ page, context }) => {
    await pinLanguage(context, 'en');
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Log in to Plit' })).toBeVisible();
    await page.getByRole('button', { name: /language/i }).click();
    await page.getByRole('menuitem', { name: 'Українська' }).click();
    await expect(page.getByRole('heading', { name: 'Вхід до Plit' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  });

  test('a client contact sees only their own client', async ({ page, context }) => {
    await pinLanguage(context, 'en');
    await page.goto('/login');
    await page.getByLabel('Email').fill('marketing@kyivcoffee.demo');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Kyiv Coffee Roasters', level: 1 })).toBeVisible();
    await expect(page.getByText('Lviv Book Fair')).toHaveCount(0);
    await expectAccessible(page);
  });
});
