import PDFDocument from 'pdfkit';
import type { InsightMonth } from '../../shared/api/insights.ts';
import { closedBefore, compareFigure } from '../../shared/insights.ts';
import { formatNumber, monthName } from '../exports/locale.ts';
import { fontDir } from '../exports/summaryPdf.ts';
import { averageBefore } from './exports.ts';
import { comparisonWords, drawBadge, drawLegend, drawTrendChart } from './reportChart.ts';
import { figureCompared, figureNames, reportWords } from './words.ts';

type Language = 'uk' | 'en';
const margin = 50;
const width = 595.28 - 2 * margin;

/**
 * One A4 page for the agency to send: the month's trend charts, then its figures beside their
 * average before co-creation with the screen's better/worse badges (shared/insights.ts), so
 * the change reads at a glance. A month still running says so and is not judged. DejaVu Sans
 * for Cyrillic.
 */
export function renderInsightsReport(input: {
  clientName: string;
  month: string;
  months: InsightMonth[];
  language: Language;
  /** The client's month now: a partial month after it is one planned ahead, not the current one. */
  current: string;
}): Promise<Buffer> {
  const w = reportWords[input.language];
  // A figure as the report's language writes it: 12,3 in Ukrainian, 12.3 in English.
  const shown = (v: number | null) => formatNumber(input.language, v, 2);
  const title = `${w.title} · ${input.clientName} · ${monthName(input.month, input.language)}`;
  const doc = new PDFDocument({ size: 'A4', margin, info: { Title: title, Creator: 'Plit' } });
  doc.registerFont('Sans', `${fontDir}DejaVuSans.ttf`);
  doc.registerFont('Sans-Bold', `${fontDir}DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Sans-Bold').fontSize(18).fillColor('#1f2937').text(w.title, { width });
  doc
    .font('Sans')
    .fontSize(12)
    .fillColor('#4b5563')
    .text(`${input.clientName} · ${monthName(input.month, input.language)}`);
  doc.moveDown();
  const month = input.months.find((m) => m.month === input.month);
  const c = comparisonWords[input.language];
  if (month?.partial) {
    const ahead = month.month > input.current;
    drawBadge(doc, margin, doc.y, ahead ? c.ahead : c.partial, 'partial');
    doc.y += 17;
    doc.x = margin;
    doc
      .font('Sans')
      .fontSize(9)
      .fillColor('#4b5563')
      .text(ahead ? c.aheadNote : c.partialNote, { width });
    doc.moveDown(0.5);
  }
  trendCharts(doc, input.months, input.month, input.language);
  if (!month) {
    doc.font('Sans').fontSize(11).fillColor('#1f2937').text(w.none, margin, doc.y, { width });
  } else {
    if (month.figures.meeting) doc.font('Sans').fontSize(10).text(w.meeting[month.figures.meeting]);
    const beforeMonths = closedBefore(input.months);
    const before = averageBefore(input.months, input.language);
    const hasBefore = before.some((v) => v !== null);
    // A month still running is shown, not judged: its figures are not final.
    const judged = hasBefore && !month.partial;
    if (judged) {
      doc.font('Sans').fontSize(9).fillColor('#4b5563').text(c.comparedWith(beforeMonths.length), { width });
    }
    doc.moveDown(0.5);
    const cols = [width * 0.46, width * 0.16, width * 0.22, width * 0.16];
    const row = (
      cells: string[],
      bold = false,
      verdict: ReturnType<typeof compareFigure>['verdict'] = null,
    ) => {
      const y = doc.y;
      doc
        .font(bold ? 'Sans-Bold' : 'Sans')
        .fontSize(9)
        .fillColor('#1f2937');
      let x = margin;
      let bottom = y;
      cells.forEach((cell, i) => {
        doc.text(cell, x, y, { width: cols[i]! - 8, align: i === 0 ? 'left' : 'right' });
        bottom = Math.max(bottom, doc.y);
        x += cols[i]!;
      });
      if (verdict)
        verdictBadge(doc, x, y - 1.5, cols[3]!, comparisonWords[input.language].verdict[verdict], verdict);
      doc.y = bottom;
      doc
        .moveTo(margin, doc.y + 2)
        .lineTo(margin + width, doc.y + 2)
        .strokeColor('#e5e7eb')
        .stroke();
      doc.y += 5;
    };
    row([w.figure, w.thisMonth, hasBefore ? w.beforeAverage : '', judged ? c.change : ''], true);
    figureNames[input.language].forEach(([name, value], i) => {
      const key = figureCompared[i];
      const verdict = judged && key ? compareFigure(key, month, beforeMonths).verdict : null;
      row([name, shown(value(month.figures)), hasBefore ? shown(before[i]!) : '', ''], false, verdict);
    });
  }
  doc.x = margin;
  doc.moveDown(2).font('Sans').fontSize(8).fillColor('#9ca3af').text(w.generated, { width });
  doc.end();
  return done;
}

/** The badge in the last column, right-aligned as the numbers are. */
function verdictBadge(
  doc: PDFKit.PDFDocument,
  columnEnd: number,
  y: number,
  columnWidth: number,
  text: string,
  verdict: 'better' | 'worse' | 'same',
) {
  doc.font('Sans').fontSize(8);
  const w = doc.widthOfString(text) + 10;
  drawBadge(doc, columnEnd - Math.min(w, columnWidth), y, text, verdict);
}

/**
 * The screen's two headline trends side by side (round-1 approvals and rounds per post), up
 * to the report's month, with what their points mean underneath.
 */
function trendCharts(doc: PDFKit.PDFDocument, months: InsightMonth[], last: string, language: Language) {
  const c = comparisonWords[language];
  const upTo = months.filter((m) => m.month <= last);
  // Nothing recorded up to the month: the page says so in a sentence, without empty axes.
  if (upTo.length === 0) return;
  const top = doc.y + 4;
  const gap = 16;
  const half = (width - gap) / 2;
  const h = 118;
  drawTrendChart(
    doc,
    { x: margin, y: top, w: half, h },
    upTo,
    last,
    {
      title: c.chartFirstRound,
      value: (f) => (f.firstRoundShare === null ? null : Math.round(f.firstRoundShare * 100)),
      max: 100,
      format: (v) => formatNumber(language, Math.round(v), 2),
    },
    language,
  );
  drawTrendChart(
    doc,
    { x: margin + half + gap, y: top, w: half, h },
    upTo,
    last,
    {
      title: c.chartRounds,
      value: (f) => f.averageRounds,
      format: (v) => formatNumber(language, Math.round(v * 10) / 10, 2),
    },
    language,
  );
  drawLegend(doc, margin + 30, top + h, upTo.slice(-12), language);
  doc.x = margin;
  doc.y = top + h + 20;
}
