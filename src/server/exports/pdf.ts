/** The plan deck as a PDF: one landscape A4 page per slide, laid out like the PPTX. Units are points. */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { type DeckSlide, type SlideOf, weekLines } from './deckModel.ts';
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

type Doc = PDFKit.PDFDocument;

// DejaVu Sans covers Cyrillic; the PDF standard fonts (Helvetica…) do not.
const fontDir = `${createRequire(import.meta.url)
  .resolve('dejavu-fonts-ttf/package.json')
  .replace(/package\.json$/, '')}ttf/`;
const W = 841.89;
const H = 595.28;
const margin = 40;
const barH = 54;

export function renderPdf(slides: DeckSlide[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    info: { Title: slides[0]?.footer ?? 'Plit', Creator: 'Plit' },
  });
  doc.registerFont('Sans', `${fontDir}DejaVuSans.ttf`);
  doc.registerFont('Sans-Bold', `${fontDir}DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  slides.forEach((s, i) => {
    doc.addPage();
    draw[s.kind](doc, s as never);
    if (s.kind !== 'title') {
      text(doc, `${i + 1} / ${slides.length}`, W - margin - 60, H - 26, 60, {
        size: 8,
        color: palette.faint,
        align: 'right',
      });
    }
  });
  doc.end();
  return done;
}

interface TextOptions {
  size: number;
  color?: string;
  bold?: boolean;
  height?: number;
  align?: 'left' | 'center' | 'right';
  spacing?: number;
  lineGap?: number;
}

/**
 * Text in a box that stops at its height (by default, the page's bottom edge) and ends in "…":
 * pdfkit would otherwise flow the rest onto a new page and break the one-page-per-slide rule.
 */
function text(doc: Doc, value: string, x: number, y: number, width: number, o: TextOptions): number {
  doc
    .font(o.bold ? 'Sans-Bold' : 'Sans')
    .fontSize(o.size)
    .fillColor(`#${o.color ?? palette.ink}`);
  const options = {
    width,
    height: o.height ?? H - y,
    ellipsis: true,
    align: o.align,
    characterSpacing: o.spacing,
    lineGap: o.lineGap ?? 0,
  };
  const used = Math.min(doc.heightOfString(value, options), options.height);
  doc.text(value, x, y, options);
  return used;
}

/** The largest size, from `start` down, at which the text fits the box. */
function fitSize(
  doc: Doc,
  value: string,
  width: number,
  height: number,
  start: number,
  bold: boolean,
  lineGap = 0,
): number {
  doc.font(bold ? 'Sans-Bold' : 'Sans');
  for (let size = start; size > 9; size -= 1) {
    if (doc.fontSize(size).heightOfString(value, { width, lineGap }) <= height) return size;
  }
  return 9;
}

function rect(doc: Doc, x: number, y: number, w: number, h: number, fill: string, stroke?: string) {
  doc.rect(x, y, w, h);
  if (stroke) doc.lineWidth(0.6).fillAndStroke(`#${fill}`, `#${stroke}`);
  else doc.fill(`#${fill}`);
}

function contentPage(doc: Doc, title: string, aside: string, accent: string) {
  rect(doc, 0, 0, W, barH, palette.bar);
  rect(doc, 0, barH, W, 4, accent);
  const size = fitSize(doc, title, W - 2 * margin - 200, 24, 18, true);
  text(doc, title, margin, (barH - size * 1.2) / 2, W - 2 * margin - 200, {
    size,
    bold: true,
    color: palette.white,
    height: 26,
  });
  if (aside)
    text(doc, aside, W - margin - 200, barH / 2 - 6, 200, { size: 10, color: palette.faint, align: 'right' });
}

function footer(doc: Doc, value: string) {
  text(doc, value, margin, H - 26, W - 2 * margin - 80, { size: 8, color: palette.faint, height: 12 });
}

const draw: { [K in DeckSlide['kind']]: (doc: Doc, s: SlideOf<K>) => void } = {
  title: (doc, s) => {
    rect(doc, 0, 0, W, H, palette.night);
    const x = margin + 36;
    const w = W - x - margin;
    text(doc, s.heading.toLocaleUpperCase(), x, 186, w, {
      size: 12,
      bold: true,
      color: palette.accent,
      spacing: 2.5,
    });
    const size = fitSize(doc, s.clientName, w, 100, sizeFor(s.clientName, clientNameSteps) - 4, true);
    const used = text(doc, s.clientName, x, 212, w, { size, bold: true, color: palette.white, height: 104 });
    text(doc, s.month, x, 222 + used, w, { size: 24, color: 'CBD5E1' });
    text(doc, s.stats, x, 262 + used, w, { size: 12, color: palette.faint });
    rect(doc, margin + 8, 188, 6, used + 92, palette.accent);
    let cx = margin + 8;
    for (const r of s.rubrics) {
      const name = clip(r.name, 24);
      const width = 16 + doc.font('Sans').fontSize(10).widthOfString(name);
      if (cx + width > W - margin) break; // a dozen rubrics: the first ones tell the story
      doc.circle(cx + 5, H - 54, 5).fill(`#${hex(r.color)}`);
      text(doc, name, cx + 16, H - 60, width, { size: 10, color: 'CBD5E1' });
      cx += width + 28;
    }
  },

  calendar: (doc, s) => {
    contentPage(doc, s.title, s.part ?? '', palette.accent);
    const left = 28;
    const colW = (W - 2 * left) / 7;
    const top = barH + 16;
    const headerH = 20;
    const gridH = H - 44 - top - headerH;
    const lines = s.weeks.reduce((sum, w) => sum + weekLines(w), 0);
    s.weekdays.forEach((d, i) => {
      rect(doc, left + i * colW, top, colW, headerH, palette.weekend, palette.line);
      text(doc, d, left + i * colW, top + 5, colW, {
        size: 9,
        bold: true,
        color: i >= 5 ? palette.muted : palette.ink,
        align: 'center',
      });
    });
    // A light month gets bigger type: grow with the spare room per line, but not into posters.
    const perLine = gridH / lines;
    const k = Math.min(1.35, Math.max(1, (3 * perLine - 4) / 31));
    let y = top + headerH;
    for (const week of s.weeks) {
      const rowH = perLine * weekLines(week);
      week.forEach((day, i) => {
        const x = left + i * colW;
        rect(
          doc,
          x,
          y,
          colW,
          rowH,
          !day ? 'EEF2F6' : day.weekend ? palette.soft : palette.white,
          palette.line,
        );
        if (!day) return;
        const inner = colW - 10;
        const bottom = y + rowH - 4;
        text(doc, String(day.day), x + 5, y + 4, 20, {
          size: 9 * k,
          bold: true,
          color: day.holiday ? palette.holiday : palette.ink,
        });
        if (day.holiday) {
          const after = 9 + doc.widthOfString(String(day.day));
          text(doc, clip(day.holiday, 30), x + after, y + 4 + 2.5 * k, inner - after, {
            size: 6 * k,
            color: palette.holiday,
            height: 8 * k,
          });
        }
        let cy = y + 6 + 11 * k;
        // Keep room for the "+ N more" line, so a busy day never hides that it has more.
        const limit = bottom - (day.more ? 9 * k : 0);
        for (const e of day.entries) {
          if (cy + 16 * k > limit) break;
          doc.circle(x + 7.5, cy + 3.6 * k, 2.3 * k).fill(`#${e.color ? hex(e.color) : palette.line}`);
          // The meta line stays small so time, network and format fit on one line in any month.
          text(doc, `${e.time} · ${e.network} · ${e.format}`, x + 8 + 4 * k, cy + k, inner - 3 - 4 * k, {
            size: 5.5,
            color: palette.muted,
            height: 8,
          });
          cy += 8 * k;
          // A slot's share of the row is three lines; its title may use what the meta line leaves.
          const h = Math.min(3 * perLine - 8 * k - 4, limit - cy);
          cy +=
            text(doc, e.title, x + 5, cy, inner, {
              size: 7 * k,
              bold: !e.free,
              color: e.free ? palette.faint : palette.ink,
              height: h,
            }) + 4;
        }
        if (day.more)
          text(doc, day.more, x + 5, Math.min(cy, limit), inner, { size: 6 * k, color: palette.muted });
      });
      y += rowH;
    }
    let lx = margin;
    for (const r of s.legend) {
      const name = clip(r.name, 24);
      const width = 12 + doc.font('Sans').fontSize(8).widthOfString(name);
      if (lx + width > W - margin - 260) break;
      doc.circle(lx + 4, H - 22, 4).fill(`#${hex(r.color)}`);
      text(doc, name, lx + 12, H - 26.5, width, { size: 8, color: palette.body });
      lx += width + 20;
    }
    text(doc, s.note, W - margin - 250, H - 26.5, 170, { size: 8, color: palette.faint, align: 'right' });
  },

  topic: (doc, s) => {
    const color = s.rubric ? hex(s.rubric.color) : palette.accent;
    contentPage(doc, s.heading, s.counter, color);
    // The rubric colour runs down the left edge, so a printed stack of topics sorts by eye.
    rect(doc, 0, barH, 10, H - barH, color);
    const x = margin + 6;
    const w = 460;
    let y = barH + 30;
    if (s.rubric) {
      doc.font('Sans-Bold').fontSize(10);
      const chipW = doc.widthOfString(s.rubric.name) + 24;
      doc.roundedRect(x, y, chipW, 22, 5).fill(`#${color}`);
      text(doc, s.rubric.name, x, y + 5.5, chipW, {
        size: 10,
        bold: true,
        color: textOn(s.rubric.color),
        align: 'center',
      });
      y += 36;
    }
    const size = fitSize(doc, s.title, w, 120, sizeFor(s.title, titleSteps) - 6, true);
    const used = text(doc, s.title, x, y, w, { size, bold: true, height: 124 });
    y += used + 22;
    const angle = clip(s.angle, angleMax);
    const angleH = H - 50 - y;
    const angleSize = fitSize(doc, angle, w, angleH, sizeFor(angle, angleSteps) - 3, false, 3);
    text(doc, angle, x, y, w, { size: angleSize, color: palette.body, height: angleH, lineGap: 3 });
    // The facts card on the right: where and when the topic goes out.
    const cx = 560;
    const cw = W - cx - margin;
    const step = 70;
    rect(doc, cx, barH + 30, cw, s.facts.length * step + 22, palette.soft, palette.line);
    s.facts.forEach((f, i) => {
      const fy = barH + 50 + i * step;
      text(doc, f.label.toLocaleUpperCase(), cx + 20, fy, cw - 40, {
        size: 8,
        bold: true,
        color: palette.muted,
        spacing: 0.8,
      });
      text(doc, clip(f.value, 60), cx + 20, fy + 16, cw - 40, { size: 13, height: 34 });
    });
    footer(doc, s.footer);
  },

  reserve: (doc, s) => {
    contentPage(doc, s.title, '', palette.accent);
    text(doc, s.hint, margin, barH + 18, W - 2 * margin, { size: 11, color: palette.muted });
    const gap = 14;
    const cw = (W - 2 * margin - gap) / 2;
    const ch = 98;
    s.items.forEach((item, i) => {
      const x = margin + (i % 2) * (cw + gap);
      const y = barH + 48 + Math.floor(i / 2) * (ch + gap);
      const color = item.rubric ? hex(item.rubric.color) : palette.line;
      rect(doc, x, y, cw, ch, palette.soft, palette.line);
      rect(doc, x, y, 5, ch, color);
      let cy = y + 12;
      cy += text(doc, item.title, x + 20, cy, cw - 34, { size: 12, bold: true, height: 32 }) + 5;
      if (item.angle)
        text(doc, item.angle, x + 20, cy, cw - 34, {
          size: 9,
          color: palette.muted,
          height: y + ch - 26 - cy,
        });
      if (item.rubric) {
        doc.circle(x + 23, y + ch - 15, 3).fill(`#${color}`);
        text(doc, item.rubric.name, x + 31, y + ch - 19, cw - 50, { size: 8, color: palette.body });
      }
    });
    footer(doc, s.more ?? s.footer);
  },

  empty: (doc, s) => {
    contentPage(doc, s.title, '', palette.accent);
    // Large and centred: the one thing this file has to say.
    text(doc, s.body, margin + 72, 220, W - 2 * margin - 144, {
      size: 20,
      color: palette.body,
      align: 'center',
      height: 160,
      lineGap: 4,
    });
    footer(doc, s.footer);
  },

  questions: (doc, s) => {
    contentPage(doc, s.title, '', palette.accent);
    text(doc, s.hint, margin, barH + 18, W - 2 * margin, { size: 11, color: palette.muted });
    s.items.forEach((q, i) => {
      const y = barH + 56 + i * 54;
      doc.circle(margin + 13, y + 13, 13).fill(`#${palette.accent}`);
      text(doc, String(s.start + i), margin, y + 6, 26, { size: 11, bold: true, align: 'center' });
      text(doc, q, margin + 44, y + 5, W - 2 * margin - 44, { size: 13, height: 36 });
      rect(doc, margin + 44, y + 44, W - 2 * margin - 44, 0.6, palette.line);
    });
    footer(doc, s.footer);
  },
};
