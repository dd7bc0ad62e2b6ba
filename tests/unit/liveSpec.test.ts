import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The ids of LIVE-SPEC.md's rules, from their headings (`### [L1] …`). */
const ruleIds = [
  ...readFileSync(path.join(root, 'LIVE-SPEC.md'), 'utf8').matchAll(/^### \[([A-Z]\d+)\]/gm),
].map((m) => m[1]!);

/** Every id cited at the start of a test's name (`it('[L1][L4] …'`), in every test file. */
function citedIds(): Set<string> {
  const cited = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(test|spec)\.tsx?$/.test(entry.name)) {
        const text = readFileSync(file, 'utf8');
        for (const [, ids] of text.matchAll(/\b(?:it|test)\(\s*['"`]((?:\[[A-Z]\d+\])+)/g))
          for (const [, id] of ids!.matchAll(/\[([A-Z]\d+)\]/g)) cited.add(id!);
      }
    }
  };
  walk(path.join(root, 'tests'));
  return cited;
}

describe('LIVE-SPEC.md and the tests that prove it', () => {
  it('every rule has a unique id and at least one test that cites it', () => {
    expect(ruleIds.length).toBeGreaterThan(10);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    const cited = citedIds();
    expect(ruleIds.filter((id) => !cited.has(id))).toEqual([]);
  });

  it('every id a test cites is a rule of the spec', () => {
    const cited = citedIds();
    expect([...cited].filter((id) => !ruleIds.includes(id))).toEqual([]);
  });
});
