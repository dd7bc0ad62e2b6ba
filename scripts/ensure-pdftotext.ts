// PDF exports are checked by a real reader: pdftotext (poppler) reads their text back. Find it,
// or install it (as root, like the browser), or say how. Tests read the Ukrainian text with it.
import { spawnSync } from 'node:child_process';

const has = () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
if (has()) process.exit(0);

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
if (process.getuid?.() === 0) {
  console.log('No pdftotext found for the PDF checks; installing poppler-utils.');
  const install = ['install', '-y', '--no-install-recommends', 'poppler-utils'];
  if (!run('apt-get', install)) run('apt-get', ['update']) && run('apt-get', install);
}
if (!has()) {
  console.error(
    'The tests read generated PDFs with pdftotext. Install it, then run npm test again:\n' +
      '  sudo apt-get install -y poppler-utils      (Debian/Ubuntu)\n' +
      '  brew install poppler                      (macOS)',
  );
  process.exit(1);
}
