import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/server/exports/deckModel.ts';
import { renderPptx } from '../../src/server/exports/pptx.ts';
import { requireSoffice } from '../support/soffice.ts';
import { deckInput } from './fixtures/coffeeRoaster.ts';

// Skipped without LibreOffice on a developer's machine; under CI its absence fails the run.
const soffice = requireSoffice();

/**
 * The deck opened by a real presentation program: LibreOffice Impress converts it to PDF.
 * Runs where LibreOffice is installed (the parser test in pptx.test.ts runs everywhere).
 */
describe.skipIf(!soffice)('the deck in LibreOffice Impress', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plit-impress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens and converts to PDF with one page per slide', async () => {
    const slides = buildDeck(deckInput);
    writeFileSync(path.join(dir, 'deck.pptx'), await renderPptx(slides));
    execFileSync(
      soffice!,
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'deck.pptx'),
      ],
      {
        timeout: 120_000,
        stdio: 'ignore',
      },
    );
    const pdf = readFileSync(path.join(dir, 'deck.pdf')).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(slides.length);
  }, 150_000);
});
