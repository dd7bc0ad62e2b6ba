import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/server/exports/deckModel.ts';
import { renderPdf } from '../../src/server/exports/pdf.ts';
import { deckInput } from './fixtures/coffeeRoaster.ts';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('renderPdf', () => {
  const slides = buildDeck(deckInput);
  const rendering = renderPdf(slides);

  it('is a PDF with one landscape A4 page per slide and DejaVu Sans embedded', async () => {
    const pdf = await rendering;
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    // "/Type /Pages" is the page tree; the lookahead keeps it out of the count.
    expect(raw.match(/\/Type \/Page(?![s\w])/g)).toHaveLength(slides.length);
    expect(raw).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(raw).toContain('DejaVuSans');
    expect(raw).toContain('DejaVuSans-Bold');
  });

  it.skipIf(!hasPdftotext())('has Cyrillic text that extracts as written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plit-pdf-')), 'deck.pdf');
    writeFileSync(file, await rendering);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Подільська обсмажка');
    expect(text).toContain('Грудень 2026');
    // Titles wrap inside their box, so look for a phrase from each line.
    expect(text).toContain('Ефіопія Гуджі: нова партія');
    expect(text).toContain('натуральної обробки');
    expect(text).toContain('Відкриті питання');
  });
});
