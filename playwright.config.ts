import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/chromium.ts';
import { mailboxUrl, mailSinkSmtpUrl } from './tests/e2e/mailbox.ts';

const port = Number(process.env.E2E_PORT ?? 3210);
// A fresh database for every run: the server starts on an empty folder and seeds the demo.
const dataDir = path.join(os.tmpdir(), `plit-e2e-${port}`);
const executablePath = (await findChromium()) ?? undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: Playwright empties it at start, and test-results/ also holds Vitest's report.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/playwright.json' }],
    ...(process.env.CI ? [] : [['html', { open: 'never', outputFolder: 'playwright-report' }] as const]),
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // Started in this order, each once the one before answers: the mail sink every server of the
  // run emails (specs read the links there), then Plit (tests/e2e/ownServer.ts starts more).
  webServer: [
    {
      command: 'node tests/e2e/mailSink.ts',
      url: mailboxUrl(),
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `rm -rf ${dataDir} && node bin/plit.ts start`,
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(port),
        HOST: 'localhost',
        PLIT_DATA_DIR: dataDir,
        PLIT_DEMO: '1',
        LOG_LEVEL: 'warn',
        SMTP_URL: mailSinkSmtpUrl(),
      },
    },
  ],
});
