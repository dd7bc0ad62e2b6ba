import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * LibreOffice for the tests that open Plit's files in it. Without it a test is skipped on a
 * developer's machine, but under CI (`CI` set) the run fails: a skipped reader check would
 * otherwise pass green while checking nothing.
 */
export function requireSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'soffice'))
    .find((bin) => {
      try {
        accessSync(bin, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  if (found) return found;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') {
    throw new Error(
      'LibreOffice (soffice) is not installed, and CI must not skip the tests that open exports in it. ' +
        'Install it: apt-get install -y --no-install-recommends libreoffice-impress libreoffice-calc',
    );
  }
  return undefined;
}

/**
 * Open `files` in one LibreOffice run (its start-up is most of the time) and save each as `to`
 * (e.g. "fods") beside it, in a profile of its own (so a running LibreOffice or another test's
 * does not interfere) and with a time limit. Returns the converted files' text, in order.
 */
export function sofficeConvert(
  soffice: string,
  files: string[],
  to: string,
  options: { infilter?: string; timeoutMs?: number } = {},
): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'plit-soffice-'));
  try {
    const outdir = path.dirname(files[0]!);
    const result = spawnSync(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
        '--convert-to',
        to,
        '--outdir',
        outdir,
        ...files,
      ],
      { timeout: options.timeoutMs ?? 120_000, encoding: 'utf8' },
    );
    return files.map((file) => {
      const out = path.join(outdir, `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`);
      if (!existsSync(out)) {
        throw new Error(`soffice did not convert ${file} (status ${result.status}): ${result.stderr}`);
      }
      return readFileSync(out, 'utf8');
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface SheetCell {
  type: 'float' | 'percentage' | 'currency' | 'date' | 'time' | 'boolean' | 'string' | 'empty';
  /** office:value (a number), office:date-value, office:time-value, or the cell's text. */
  value: string;
}

/** The first sheet of a flat ODS (.fods) as rows of typed cells, as Calc stored them. */
export function fodsCells(fods: string): SheetCell[][] {
  const table = /<table:table [\s\S]*?<\/table:table>/.exec(fods)?.[0] ?? '';
  const rows: SheetCell[][] = [];
  for (const [row] of table.matchAll(/<table:table-row[\s\S]*?<\/table:table-row>/g)) {
    const cells: SheetCell[] = [];
    for (const m of row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attrs = m[1] ?? '';
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
      const type = (attr('office:value-type') ?? 'empty') as SheetCell['type'];
      const text = [...(m[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
        .map((p) => decodeXml(p[1]!.replace(/<[^>]+>/g, '')))
        .join('\n');
      const value =
        type === 'date'
          ? attr('office:date-value')!
          : type === 'time'
            ? attr('office:time-value')!
            : type === 'string' || type === 'empty'
              ? text
              : attr('office:value')!;
      const repeat = Math.min(Number(attr('table:number-columns-repeated') ?? 1), 64);
      for (let i = 0; i < repeat; i++) cells.push({ type, value });
    }
    while (cells.length > 0 && cells.at(-1)!.type === 'empty') cells.pop();
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

const decodeXml = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  );
