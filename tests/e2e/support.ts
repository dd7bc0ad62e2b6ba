import { AxeBuilder } from '@axe-core/playwright';
import { type BrowserContext, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'plit-demo';

/** Log in through the API, as the app itself would; the context keeps the session cookie. */
export async function logInByApi(context: BrowserContext, baseURL: string, email: string): Promise<void> {
  const res = await context.request.post(`${baseURL}/api/auth/login`, {
    data: { email, password: DEMO_PASSWORD },
    headers: { origin: baseURL },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** Pin the interface language before the app reads it (it remembers the choice in localStorage). */
export async function pinLanguage(context: BrowserContext, lang: 'uk' | 'en'): Promise<void> {
  await context.addInitScript((l) => window.localStorage.setItem('plit.language', l), lang);
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  // axe really looked at the page (a blocked injection would report nothing at all).
  expect(results.passes.length).toBeGreaterThan(10);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    'axe violations',
  ).toEqual([]);
}
