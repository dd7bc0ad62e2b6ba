import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type BrowserContext, expect, type Page } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type CallParts, type EndpointSpec, type ResponseOf, urlOf } from '../../src/shared/api/endpoint.ts';

export { emailedLink, emailedLinkCount } from './mailbox.ts';

export const DEMO_PASSWORD = 'plit-demo';

/**
 * A valid call through the endpoint catalogue, as the app makes it (from our origin, for the
 * CSRF check); the answer is typed by the declaration and must be a success.
 */
export async function callApi<E extends EndpointSpec>(
  request: APIRequestContext,
  baseURL: string,
  spec: E,
  parts: CallParts<E>,
): Promise<ResponseOf<E>> {
  const url = `${baseURL}${urlOf(spec, parts as { params?: never; query?: never })}`;
  const res = await request.fetch(url, {
    method: spec.method,
    headers: { origin: baseURL },
    ...(parts.body !== undefined ? { data: parts.body } : {}),
  });
  expect(res.ok(), `${spec.operationId} ${url}: ${await res.text()}`).toBe(true);
  return (await res.json()) as ResponseOf<E>;
}

/** Log in through the API, as the app itself would; the context keeps the session cookie. */
export async function logInByApi(context: BrowserContext, baseURL: string, email: string): Promise<void> {
  await callApi(context.request, baseURL, endpoints.logIn, { body: { email, password: DEMO_PASSWORD } });
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

/** Select a phrase of the read-only copy as a finger or a mouse would (ProseMirror reads the DOM selection). */
export async function selectPhrase(page: Page, phrase: string) {
  await page.locator('.review-copy').evaluate((root, words) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(words) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${words}" is not in the copy`);
  }, phrase);
}
