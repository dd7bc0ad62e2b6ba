import { existsSync } from 'node:fs';

/**
 * Where a Chromium for the browser tests is: PLAYWRIGHT_CHROMIUM_PATH, then Playwright's own
 * download, then Debian's package. Null when there is none.
 */
export async function findChromium(): Promise<string | null> {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright knows no browser of its own here
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}
