import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/server/exports/deckModel.ts';
import { renderPptx } from '../../src/server/exports/pptx.ts';
import { wholePackage } from '../../src/server/exports/pptxPackage.ts';
import { packageProblems } from '../support/opcPackage.ts';
import { deckInput, topics } from './fixtures/coffeeRoaster.ts';

/** The text runs of a slide's XML, entities decoded, joined so a test can look for phrases. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) =>
      m[1]!
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&'),
    )
    .join('\n');
}

describe('renderPptx', () => {
  it('writes one slide per model slide with the plan’s Ukrainian text', async () => {
    const slides = buildDeck(deckInput);
    const pptx = await renderPptx(slides);
    expect(Buffer.isBuffer(pptx)).toBe(true);
    const zip = await JSZip.loadAsync(pptx);
    const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(names).toHaveLength(slides.length);
    const texts = await Promise.all(
      slides.map((_, i) =>
        zip
          .file(`ppt/slides/slide${i + 1}.xml`)!
          .async('string')
          .then(textOf),
      ),
    );

    expect(texts[0]).toContain('Подільська обсмажка');
    expect(texts[0]).toContain('Грудень 2026');
    expect(texts[1]).toContain('Графік постингу · Грудень 2026');
    for (const day of ['Пн', 'Нд', '25', 'Різдво Христове']) expect(texts[1]).toContain(day);
    expect(texts[1]).toContain('Різдвяний бленд 2026: як ми його зібрали');
    for (const topic of topics) expect(texts.slice(2, 2 + topics.length).join('\n')).toContain(topic.title);
    expect(texts.at(-2)).toContain('Про запас');
    expect(texts.at(-1)).toContain('Хто з команди готовий говорити в кадрі');
  });

  it('keeps a 16:9 layout and escapes markup in user text', async () => {
    const slides = buildDeck({ ...deckInput, clientName: 'Кава & <Друзі>', questions: [] });
    const zip = await JSZip.loadAsync(await renderPptx(slides));
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    expect(presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    const first = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(first).toContain('Кава &amp; &lt;Друзі&gt;');
  });

  it('[18.2] is a whole package: every Override names a part it has, every relationship target exists', async () => {
    const bytes = await renderPptx(buildDeck(deckInput));
    expect(await packageProblems(bytes)).toEqual([]);
    // The check itself sees a broken package (pptxgenjs 4.0.1 names 18 slide masters it never writes).
    const zip = await JSZip.loadAsync(bytes);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="application/xml"/></Types>',
      ),
    );
    zip.remove('ppt/slideLayouts/slideLayout1.xml');
    const broken = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await packageProblems(broken)).toEqual([
      'Override for a missing part /ppt/slideLayouts/slideLayout1.xml',
      'Override for a missing part /ppt/slideMasters/slideMaster2.xml',
      expect.stringContaining('slideLayout1.xml'),
      expect.stringContaining('slideLayout1.xml'),
    ]);
    // The mending drops phantom Overrides but refuses a dangling relationship (a file PowerPoint repairs).
    await expect(wholePackage(broken)).rejects.toThrow(/slideLayout1\.xml/);
  });
});
