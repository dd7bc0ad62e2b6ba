// System programs the tests use as real readers and peers, found or installed (as root, like
// the browser) or named with how to get them:
// - pdftotext (poppler) reads generated PDFs back, Ukrainian text included: required;
// - haproxy stands in front of two Plit processes in the many-node test, which is skipped
//   without it: optional, never fails the run.
import { spawnSync } from 'node:child_process';

interface Tool {
  command: string;
  /** Where Debian puts it when /usr/sbin is not on PATH. */
  paths: string[];
  versionFlag: string;
  debianPackage: string;
  brew: string;
  why: string;
  required: boolean;
}

const tools: Tool[] = [
  {
    command: 'pdftotext',
    paths: [],
    versionFlag: '-v',
    debianPackage: 'poppler-utils',
    brew: 'poppler',
    why: 'The tests read generated PDFs with pdftotext.',
    required: true,
  },
  {
    command: 'haproxy',
    paths: ['/usr/sbin/haproxy'],
    versionFlag: '-v',
    debianPackage: 'haproxy',
    brew: 'haproxy',
    why: 'The many-node test runs two Plit processes behind haproxy and is skipped without it.',
    required: false,
  },
];

const has = (tool: Tool) =>
  [tool.command, ...tool.paths].some(
    (bin) => spawnSync(bin, [tool.versionFlag], { stdio: 'ignore' }).status === 0,
  );
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;

const only = process.argv.slice(2);
let missing = false;
for (const tool of tools.filter((t) => only.length === 0 || only.includes(t.command))) {
  if (has(tool)) continue;
  if (process.getuid?.() === 0) {
    console.log(`No ${tool.command} found; installing ${tool.debianPackage}.`);
    const install = ['install', '-y', '--no-install-recommends', tool.debianPackage];
    if (!run('apt-get', install)) run('apt-get', ['update']) && run('apt-get', install);
  }
  if (has(tool)) continue;
  const say = tool.required ? console.error : console.warn;
  say(
    `${tool.why} Install it${tool.required ? ', then run npm test again' : ''}:\n` +
      `  sudo apt-get install -y ${tool.debianPackage.padEnd(16)} (Debian/Ubuntu)\n` +
      `  brew install ${tool.brew.padEnd(29)} (macOS)`,
  );
  if (tool.required) missing = true;
}
if (missing) process.exit(1);
