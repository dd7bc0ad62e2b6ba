/** The plan deck as a PowerPoint file (16:9), drawn from the slide model. Units are inches. */
import type { DeckSlide, SlideOf } from './deckModel.ts';
import {
  angleMax,
  angleSteps,
  clientNameSteps,
  clip,
  hex,
  palette,
  sizeFor,
  textOn,
  titleSteps,
} from './deckTheme.ts';
import { drawCalendar } from './pptxCalendar.ts';
import {
  type Box,
  barH,
  fitPt,
  font,
  footer,
  H,
  margin,
  type Pptx,
  PptxGenJS,
  type Run,
  rect,
  type Slide,
  text,
  textHeight,
  W,
} from './pptxKit.ts';
import { wholePackage } from './pptxPackage.ts';

const master = 'PLIT_CONTENT';

export async function renderPptx(slides: DeckSlide[]): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  pptx.title = slides[0]?.footer ?? 'Plit';
  // The title bar and page number live on a master, so an agency can restyle every slide at once.
  pptx.defineSlideMaster({
    title: master,
    background: { color: palette.white },
    objects: [{ rect: { x: 0, y: 0, w: W, h: barH, fill: { color: palette.bar } } }],
    slideNumber: {
      x: W - margin - 0.8,
      y: H - 0.45,
      w: 0.8,
      h: 0.3,
      fontFace: font,
      fontSize: 10,
      color: palette.faint,
      align: 'right',
    },
  });
  for (const s of slides) draw[s.kind](pptx, s as never);
  // Written once uncompressed, then mended and compressed (~5× smaller) as one whole package.
  return wholePackage((await pptx.stream({ compression: false })) as Buffer);
}

const draw: { [K in DeckSlide['kind']]: (pptx: Pptx, s: SlideOf<K>) => void } = {
  title: (pptx, s) => {
    const slide = pptx.addSlide();
    slide.background = { color: palette.night };
    rect(slide, [margin, 2.2, 0.09, 2.7], palette.accent);
    const x = margin + 0.4;
    const w = W - x - margin;
    const heading = s.heading.toLocaleUpperCase();
    text(slide, heading, [x, 2.1, w, 0.45], {
      fontSize: 14,
      bold: true,
      color: palette.accent,
      charSpacing: 3,
    });
    const nameSize = fitPt(s.clientName, [w, 1.35], sizeFor(s.clientName, clientNameSteps), true);
    text(slide, s.clientName, [x, 2.55, w, 1.35], {
      fontSize: nameSize,
      bold: true,
      color: palette.white,
      valign: 'middle',
    });
    text(slide, s.month, [x, 3.9, w, 0.6], { fontSize: 28, color: 'CBD5E1' });
    text(slide, s.stats, [x, 4.5, w, 0.4], { fontSize: 14, color: palette.faint });
    let cx = margin;
    for (const r of s.rubrics) {
      const name = clip(r.name, 24);
      const width = 0.45 + name.length * 0.1;
      if (cx + width > W - margin) break; // a dozen rubrics: the first ones tell the story
      slide.addShape('ellipse', {
        x: cx,
        y: 6.55,
        w: 0.2,
        h: 0.2,
        fill: { color: hex(r.color) },
        line: { type: 'none' },
      });
      text(slide, name, [cx + 0.28, 6.45, width, 0.4], { fontSize: 12, color: 'CBD5E1' });
      cx += width + 0.5;
    }
  },

  calendar: (pptx, s) => drawCalendar(contentSlide(pptx, s.title, s.part ?? '', palette.accent), s),

  topic: (pptx, s) => {
    const color = s.rubric ? hex(s.rubric.color) : palette.accent;
    const slide = contentSlide(pptx, s.heading, s.counter, color);
    // The rubric colour runs down the left edge, so a printed stack of topics sorts by eye.
    rect(slide, [0, barH, 0.14, H - barH], color);
    const x = margin + 0.1;
    const w = 7.5;
    let y = barH + 0.45;
    if (s.rubric) {
      const chip: Box = [x, y, 0.5 + s.rubric.name.length * 0.11, 0.36];
      const chipText = {
        fontSize: 12,
        bold: true,
        color: textOn(s.rubric.color),
        align: 'center',
        valign: 'middle',
      } as const;
      text(slide, s.rubric.name, chip, {
        ...chipText,
        shape: 'roundRect',
        rectRadius: 0.08,
        fill: { color },
      });
      y += 0.55;
    }
    const titleSize = fitPt(s.title, [w, 2.3], sizeFor(s.title, titleSteps), true);
    const titleH = textHeight(s.title, w, titleSize, true);
    text(slide, s.title, [x, y, w, titleH], { fontSize: titleSize, bold: true, color: palette.ink });
    const angle = clip(s.angle, angleMax);
    const angleBox: Box = [x, y + titleH + 0.3, w, H - 0.7 - (y + titleH + 0.3)];
    const angleSize = fitPt(angle, [w, angleBox[3]], sizeFor(angle, angleSteps), false, 1.15);
    text(slide, angle, angleBox, {
      fontSize: angleSize,
      color: palette.body,
      lineSpacingMultiple: 1.15,
      fit: 'shrink',
    });

    // The facts card on the right: where and when the topic goes out.
    const cx = 8.85;
    const cw = W - cx - margin;
    rect(slide, [cx, barH + 0.45, cw, s.facts.length + 0.3], palette.soft, palette.line);
    s.facts.forEach((f, i) => {
      const fy = barH + 0.7 + i;
      const label = f.label.toLocaleUpperCase();
      text(slide, label, [cx + 0.3, fy, cw - 0.6, 0.3], {
        fontSize: 10,
        bold: true,
        color: palette.muted,
        charSpacing: 1,
      });
      text(slide, clip(f.value, 60), [cx + 0.3, fy + 0.3, cw - 0.6, 0.6], {
        fontSize: 16,
        color: palette.ink,
        fit: 'shrink',
      });
    });
    footer(slide, s.footer);
  },

  reserve: (pptx, s) => {
    const slide = contentSlide(pptx, s.title, '', palette.accent);
    hint(slide, s.hint);
    const gap = 0.2;
    const cw = (W - 2 * margin - gap) / 2;
    const ch = 1.17;
    s.items.forEach((item, i) => {
      const x = margin + (i % 2) * (cw + gap);
      const y = barH + 0.8 + Math.floor(i / 2) * (ch + gap);
      const color = item.rubric ? hex(item.rubric.color) : palette.line;
      rect(slide, [x, y, cw, ch], palette.soft, palette.line);
      rect(slide, [x, y, 0.08, ch], color);
      const runs: Run[] = [
        {
          text: clip(item.title, 80),
          options: { fontSize: 13, bold: true, color: palette.ink, breakLine: true },
        },
      ];
      if (item.angle)
        runs.push({
          text: clip(item.angle, 120),
          options: { fontSize: 10, color: palette.muted, paraSpaceBefore: 4 },
        });
      text(slide, runs, [x + 0.25, y + 0.12, cw - 0.4, ch - 0.45]);
      if (item.rubric) {
        const label: Run[] = [
          { text: '● ', options: { color } },
          { text: item.rubric.name, options: { color: palette.body } },
        ];
        text(slide, label, [x + 0.25, y + ch - 0.32, cw - 0.4, 0.22], { fontSize: 9 });
      }
    });
    footer(slide, s.more ?? s.footer);
  },

  empty: emptySlide,

  questions: (pptx, s) => {
    const slide = contentSlide(pptx, s.title, '', palette.accent);
    hint(slide, s.hint);
    const x = margin + 0.65;
    s.items.forEach((q, i) => {
      const y = barH + 0.8 + i * 0.66;
      const badge = {
        shape: 'ellipse',
        fill: { color: palette.accent },
        align: 'center',
        valign: 'middle',
      } as const;
      text(slide, String(s.start + i), [margin, y + 0.09, 0.42, 0.42], {
        ...badge,
        fontSize: 13,
        bold: true,
        color: palette.ink,
      });
      text(slide, clip(q, 170), [x, y, W - margin - x, 0.6], {
        fontSize: 15,
        color: palette.ink,
        valign: 'middle',
        fit: 'shrink',
      });
      // Hairlines between questions keep a long list scannable, as in the PDF.
      rect(slide, [x, y + 0.62, W - margin - x, 0.01], palette.line);
    });
    footer(slide, s.footer);
  },
};

function emptySlide(pptx: Pptx, s: SlideOf<'empty'>) {
  const slide = contentSlide(pptx, s.title, '', palette.accent);
  // Large and centred: the one thing this file has to say.
  text(slide, s.body, [margin + 1, 2.6, W - 2 * margin - 2, 2], {
    fontSize: 24,
    color: palette.body,
    align: 'center',
    valign: 'middle',
    fit: 'shrink',
  });
  footer(slide, s.footer);
}

function contentSlide(pptx: Pptx, title: string, aside: string, accent: string): Slide {
  const slide = pptx.addSlide({ masterName: master });
  rect(slide, [0, barH, W, 0.06], accent);
  const bar = { valign: 'middle', fit: 'shrink' } as const;
  text(slide, title, [margin, 0, W - 2 * margin - 3, barH], {
    ...bar,
    fontSize: 22,
    bold: true,
    color: palette.white,
  });
  if (aside)
    text(slide, aside, [W - margin - 3, 0, 3, barH], {
      ...bar,
      fontSize: 12,
      color: palette.faint,
      align: 'right',
    });
  return slide;
}

function hint(slide: Slide, value: string) {
  text(slide, value, [margin, barH + 0.2, W - 2 * margin, 0.4], { fontSize: 13, color: palette.muted });
}
