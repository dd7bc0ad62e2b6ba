import PDFDocument from 'pdfkit';
import type { InsightMonth } from '../../shared/api/insights.ts';
import { formatNumber, monthName } from '../exports/locale.ts';
import { fontDir } from '../exports/summaryPdf.ts';
import { averageBefore } from './exports.ts';
import { figureNames, reportWords } from './words.ts';

type Language = 'uk' | 'en';
const margin = 50;
const width = 595.28 - 2 * margin;

/**
 * One A4 page for the agency to send: the month's figures beside their average before
 * co-creation, so the change reads at a glance. DejaVu Sans for Cyrillic.
 */
export function renderInsightsReport(input: {
  clientName: string;
  month: string;
  months: InsightMonth[];
  language: Language;
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
  if (!month) {
    doc.fontSize(11).fillColor('#1f2937').text(w.none, { width });
  } else {
    if (month.figures.meeting) doc.fontSize(10).text(w.meeting[month.figures.meeting]);
    doc.moveDown(0.5);
    const before = averageBefore(input.months, input.language);
    const hasBefore = before.some((v) => v !== null);
    const cols = [width * 0.56, width * 0.22, width * 0.22];
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      doc
        .font(bold ? 'Sans-Bold' : 'Sans')
        .fontSize(10)
        .fillColor('#1f2937');
      let x = margin;
      cells.forEach((cell, i) => {
        doc.text(cell, x, y, { width: cols[i]! - 8, align: i === 0 ? 'left' : 'right' });
        x += cols[i]!;
      });
      doc
        .moveTo(margin, doc.y + 3)
        .lineTo(margin + width, doc.y + 3)
        .strokeColor('#e5e7eb')
        .stroke();
      doc.y += 6;
    };
    row([w.figure, w.thisMonth, hasBefore ? w.beforeAverage : ''], true);
    figureNames[input.language].forEach(([name, value], i) => {
      row([name, shown(value(month.figures)), hasBefore ? shown(before[i]!) : '']);
    });
  }
  doc.x = margin;
  doc.moveDown(2).font('Sans').fontSize(8).fillColor('#9ca3af').text(w.generated, { width });
  doc.end();
  return done;
}
