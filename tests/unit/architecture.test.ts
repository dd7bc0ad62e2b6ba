import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** Lines of a file without comments, so a comment that mentions `.update(` is no offence. */
function codeLines(file: string): Array<{ line: number; text: string }> {
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, text: text.replace(/\/\/.*$/, '') }))
    .filter(({ text }) => !/^\s*(\*|\/\*)/.test(text));
}

function offences(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    codeLines(file)
      .filter(({ text }) => pattern.test(text))
      .map(({ line, text }) => `${file}:${line}: ${text.trim()}`),
  );
}

describe('the server keeps its layers', () => {
  const routeFiles = filesUnder('src/server/routes');

  it('has no database write in a route handler: writes are commands', () => {
    // Drizzle's chains put `.insert(` at the start of a line, or right on the executor.
    const write =
      /^\s*\.(insert|update|delete)\(|\b(tx|db)\.(insert|update|delete)\(|\btransact\(|\brecordEvent\(|execute\(sql`\s*(insert|update|delete)/i;
    expect(offences(routeFiles, write)).toEqual([]);
  });

  it('has no route file importing another route file', () => {
    const others = routeFiles.filter((f) => !f.endsWith('/index.ts'));
    expect(offences(others, /from '\.\/[^']+'/)).toEqual([]);
  });
});

describe('the web calls the API only through the catalogue', () => {
  it('writes no /api path by hand', () => {
    expect(offences(filesUnder('src/web'), /['"`]\/api\//)).toEqual([]);
  });
});
