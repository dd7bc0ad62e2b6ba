// Make sure the browser tests have a Chromium: find one, or install one, or say how.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.ts';

const found = await findChromium();
if (found) {
  console.log(`Browser tests use Chromium at ${found}`);
  process.exit(0);
}
if (process.env.PLAYWRIGHT_CHROMIUM_PATH) {
  console.error(
    `PLAYWRIGHT_CHROMIUM_PATH is set to ${process.env.PLAYWRIGHT_CHROMIUM_PATH}, but there is no file there.`,
  );
  process.exit(1);
}

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
console.log('No Chromium found for the browser tests; installing one.');
const installed =
  process.getuid?.() === 0
    ? run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'])
    : run('npx', ['playwright', 'install', 'chromium']);

if (!installed || !(await findChromium())) {
  console.error(
    [
      'Could not install Chromium for the browser tests. Install it one of these ways, then run npm test again:',
      '  sudo apt-get install -y chromium            (Debian/Ubuntu)',
      '  npx playwright install chromium             (Playwright download)',
      '  PLAYWRIGHT_CHROMIUM_PATH=/path/to/chrome    (any Chromium or Chrome you have)',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Browser tests use Chromium at ${await findChromium()}`);
