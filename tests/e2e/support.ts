import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type BrowserContext, expect, type Page } from '@playwright/test';
import axe from 'axe-core';
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

const require = createRequire(import.meta.url);

/** The axe-core the project pins, read from its own package (the one injected into pages below). */
export const axeVersion: string = JSON.parse(
  readFileSync(require.resolve('axe-core/package.json'), 'utf8'),
).version;
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every rule axe has, switched on by name: by default axe leaves out its experimental rules
 * (p-as-heading, td-has-header, css-orientation-lock…) and those it keeps off (target-size,
 * the deprecated ones). A rule named in `rules` runs whatever its tags. The AAA rules (7:1
 * contrast, identical links, no timed refresh) stay off: the project's bar is AA, and the
 * enhanced contrast check costs as much as the whole rest of a scan.
 */
const everyRule = Object.fromEntries(
  axe.getRules().map((r) => [r.ruleId, { enabled: !r.tags.includes('wcag2aaa') }]),
);

/**
 * No serious or critical accessibility violations on the page as it is now, with every rule of
 * the pinned axe on (its version is checked by the accessibility spec).
 */
export async function expectAccessible(
  page: Page,
  where = page.url(),
  { soft = false }: { soft?: boolean } = {},
): Promise<void> {
  const results = await new AxeBuilder({ page, axeSource }).options({ rules: everyRule }).analyze();
  // axe really looked at the page (a blocked injection would report nothing at all).
  expect(results.passes.length).toBeGreaterThan(10);
  expect(results.testEngine.version).toBe(axeVersion);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (v: (typeof serious)[number]) =>
    `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.html.slice(0, 160)}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join(', ')})`;
  // Soft: a spec walking many screens reports every screen's findings, not just the first.
  (soft ? expect.soft : expect)(serious.map(describe), `axe violations on ${where}`).toEqual([]);
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
