// `npm start` builds the web app only when its sources are newer than the last build,
// so a second start is quick and reuses both the build and the data.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'web', 'index.html');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = [path.join(root, 'src', 'web'), path.join(root, 'src', 'shared')];
const inputs = Math.max(
  ...sources.map(newest),
  ...['vite.config.ts', 'package-lock.json'].map((f) => statSync(path.join(root, f)).mtimeMs),
);
if (existsSync(built) && statSync(built).mtimeMs >= inputs) {
  console.log('Web app is up to date.');
} else {
  console.log('Building the web app…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
