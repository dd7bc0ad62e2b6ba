import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireSoffice } from '../support/soffice.ts';

describe('[18.11] LibreOffice for the reader tests', () => {
  const nowhere = path.join(os.tmpdir(), 'plit-no-such-dir');

  it('[18.11] with CI set, a missing LibreOffice fails the run instead of skipping', () => {
    expect(() => requireSoffice({ CI: 'true', PATH: nowhere })).toThrow(
      /LibreOffice \(soffice\) is not installed/,
    );
    expect(() => requireSoffice({ CI: '1', PATH: nowhere })).toThrow(/apt-get install/);
  });

  it('[18.11] on a developer’s machine without it, the test is skipped', () => {
    expect(requireSoffice({ PATH: nowhere })).toBeUndefined();
    expect(requireSoffice({ CI: 'false', PATH: nowhere })).toBeUndefined();
  });

  it('[18.11] finds soffice on the PATH, CI or not', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plit-path-'));
    try {
      writeFileSync(path.join(dir, 'soffice'), '#!/bin/sh\n', { mode: 0o755 });
      const PATH = [nowhere, dir].join(path.delimiter);
      expect(requireSoffice({ CI: 'true', PATH })).toBe(path.join(dir, 'soffice'));
      expect(requireSoffice({ PATH })).toBe(path.join(dir, 'soffice'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
