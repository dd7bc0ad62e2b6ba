// The many-node test (tests/api/manyNodes.test.ts) puts a real proxy in front of two Plit
// processes: haproxy from the system's packages. Find it, or install it (as root, like
// pdftotext), or say how. Without it that test is skipped, so this never fails the run.
import { spawnSync } from 'node:child_process';

const has = () =>
  ['haproxy', '/usr/sbin/haproxy'].some((bin) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).status === 0);
if (has()) process.exit(0);

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
if (process.getuid?.() === 0) {
  console.log('No haproxy found for the many-node test; installing it.');
  const install = ['install', '-y', '--no-install-recommends', 'haproxy'];
  if (!run('apt-get', install)) run('apt-get', ['update']) && run('apt-get', install);
}
if (!has()) {
  console.warn(
    'The many-node test runs two Plit processes behind haproxy and is skipped without it:\n' +
      '  sudo apt-get install -y haproxy      (Debian/Ubuntu)\n' +
      '  brew install haproxy                 (macOS)',
  );
}
