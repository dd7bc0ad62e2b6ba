// System programs the tests use as real readers and peers, found or installed (as root, like
// the browser) or named with how to get them:
// - pdftotext (poppler) reads generated PDFs back, Ukrainian text included: required;
// - haproxy stands in front of two Plit processes in the many-node test, which is skipped
//   without it: optional, never fails the run;
// - LibreOffice (Impress and Calc) opens the exported deck and the CSVs as a person's office
//   suite would: optional on a developer's machine (those tests skip), required under CI, where
//   the tests fail without it (tests/support/soffice.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Tool {
  command: string;
  /** Where Debian puts it when /usr/sbin is not on PATH. */
  paths: string[];
  versionFlag: string;
  /** One or more Debian packages, space-separated. */
  debianPackage: string;
  /** Files the packages bring that the command alone does not prove (e.g. Calc beside Impress). */
  files?: string[];
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
  {
    command: 'soffice',
    paths: [],
    versionFlag: '--version',
    debianPackage: 'libreoffice-impress libreoffice-calc',
    files: ['/usr/lib/libreoffice/program/simpress', '/usr/lib/libreoffice/program/scalc'],
    brew: '--cask libreoffice',
    why: 'The tests open the exported deck in LibreOffice Impress and the CSVs in Calc; without it they are skipped locally and fail under CI.',
    required: Boolean(process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0'),
  },
];

const has = (tool: Tool) =>
  [tool.command, ...tool.paths].some(
    (bin) => spawnSync(bin, [tool.versionFlag], { stdio: 'ignore' }).status === 0,
  ) && (tool.files ?? []).every((file) => existsSync(file));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;

const only = process.argv.slice(2);
let missing = false;
for (const tool of tools.filter((t) => only.length === 0 || only.includes(t.command))) {
  if (has(tool)) continue;
  if (process.getuid?.() === 0) {
    console.log(`No ${tool.command} found; installing ${tool.debianPackage}.`);
    const install = ['install', '-y', '--no-install-recommends', ...tool.debianPackage.split(' ')];
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
