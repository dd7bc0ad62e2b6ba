/** The meeting summary as a printable A4 document: one section per part of the summary. */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { MeetingSummary } from '../../shared/api/meetings.ts';
import type { Format, Likelihood, MeetingFormat, Network } from '../../shared/roles.ts';
import { exportText, type Language } from './deckText.ts';
import { palette } from './deckTheme.ts';
import { type LocalMoment, type SummaryText, summaryText } from './summaryText.ts';

type Doc = PDFKit.PDFDocument;

export interface SummaryPdfInput {
  clientName: string;
  /** "YYYY-MM" */
  month: string;
  monthName: string;
  format: MeetingFormat;
  /** The meeting day (or the review deadline) and time, in the client's time zone. */
  date: string;
  time: string;
  /** When it actually started and ended, in the client's time zone; null for a summary kept before that was recorded. */
  happened: { from: LocalMoment; to: LocalMoment } | null;
  timezone: string;
  language: Language;
  summary: MeetingSummary;
}

// DejaVu Sans covers Cyrillic; the PDF standard fonts (Helvetica…) do not.
export const fontDir = `${createRequire(import.meta.url)
  .resolve('dejavu-fonts-ttf/package.json')
  .replace(/package\.json$/, '')}ttf/`;
const W = 595.28;
const H = 841.89;
const margin = 50;
const bottom = 60;
const width = W - 2 * margin;

export function renderSummaryPdf(input: SummaryPdfInput): Promise<Buffer> {
  const s = summaryText(input.language);
  const title = input.summary.fireMode ? s.reviewTitle : s.title;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom, left: margin, right: margin },
    bufferPages: true,
    info: { Title: `${title} · ${input.clientName} · ${input.monthName}`, Creator: 'Plit' },
  });
  doc.registerFont('Sans', `${fontDir}DejaVuSans.ttf`);
  doc.registerFont('Sans-Bold', `${fontDir}DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w = new Writer(doc, s, input.language);
  header(w, input, title);
  sections(w, input.summary);
  footers(doc, s, `${input.clientName} · ${input.monthName} · ${title}`);
  doc.end();
  return done;
}

/** Flowing text with the few styles the summary uses; pdfkit adds pages as the text runs on. */
class Writer {
  readonly x = margin;
  readonly doc: Doc;
  readonly s: SummaryText;
  readonly language: Language;

  constructor(doc: Doc, s: SummaryText, language: Language) {
    this.doc = doc;
    this.s = s;
    this.language = language;
  }

  text(
    value: string,
    o: { size?: number; bold?: boolean; color?: string; indent?: number; gap?: number } = {},
  ) {
    const indent = o.indent ?? 0;
    this.doc
      .font(o.bold ? 'Sans-Bold' : 'Sans')
      .fontSize(o.size ?? 10)
      .fillColor(`#${o.color ?? palette.ink}`)
      .text(value, this.x + indent, this.doc.y, { width: width - indent, lineGap: 1.5 });
    this.doc.y += o.gap ?? 0;
  }

  /** Keep a block with its first lines: start a page when less than `room` is left. */
  keep(room: number) {
    if (this.doc.y + room > H - bottom) this.doc.addPage();
  }

  heading(value: string) {
    this.keep(70);
    this.doc.y += 14;
    this.text(value, { size: 13, bold: true, gap: 3 });
    this.doc.rect(this.x, this.doc.y, 36, 2.5).fill(`#${palette.accent}`);
    this.doc.y += 9;
  }

  /** One entry of a list: a marker, then its lines, indented. */
  item(lines: Array<{ value: string; bold?: boolean; color?: string; size?: number }>) {
    this.keep(34);
    const y = this.doc.y;
    this.doc.circle(this.x + 3, y + 6, 1.8).fill(`#${palette.faint}`);
    this.doc.y = y;
    for (const line of lines) {
      if (!line.value) continue;
      this.text(line.value, { indent: 12, bold: line.bold, color: line.color, size: line.size });
    }
    this.doc.y += 5;
  }

  empty(value = this.s.nothing) {
    this.text(value, { color: palette.muted });
  }

  network(raw: string | null): string {
    if (!raw) return '';
    const [network, ...rest] = raw.split(' ');
    const label = exportText(this.language).networks[network as Network];
    return label ? [label, ...rest].join(' ') : raw;
  }

  /** A slot comes as "2026-12-07 10:00 · instagram @handle"; a topic as its title. */
  subject(value: string): string {
    const slot = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) · (.*)$/.exec(value);
    return slot ? [this.s.day(slot[1]!), slot[2]!, this.network(slot[3]!)].join(' · ') : value;
  }

  format(value: string | null): string {
    return value ? (exportText(this.language).formats[value as Format] ?? value) : '';
  }
}

function header(w: Writer, input: SummaryPdfInput, title: string) {
  const { doc, s } = w;
  doc.rect(0, 0, W, 6).fill(`#${palette.accent}`);
  doc.y = margin;
  w.text(title.toLocaleUpperCase(input.language), { size: 9, bold: true, color: palette.muted, gap: 4 });
  w.text(input.clientName, { size: 22, bold: true });
  w.text(input.monthName, { size: 14, color: palette.body, gap: 6 });
  const when = input.happened
    ? s.happened(input.happened.from, input.happened.to, input.timezone, input.format)
    : s.held(input.date, input.time, input.timezone, input.format);
  w.text(when, { size: 10, color: palette.muted });
  if (input.summary.fireMode) {
    doc.y += 10;
    const h = doc
      .font('Sans')
      .fontSize(10)
      .heightOfString(s.fireModeNote, { width: width - 24, lineGap: 1.5 });
    const top = doc.y;
    doc.rect(w.x, top, width, h + 16).fill('#FEF3C7');
    doc.rect(w.x, top, 4, h + 16).fill(`#${palette.accent}`);
    doc
      .font('Sans')
      .fontSize(10)
      .fillColor(`#${palette.ink}`)
      .text(s.fireModeNote, w.x + 14, top + 8, { width: width - 24, lineGap: 1.5 });
    doc.y = top + h + 16;
  }
  doc.y += 6;
}

function sections(w: Writer, summary: MeetingSummary) {
  const { s } = w;

  w.heading(s.agreed);
  if (summary.agreed.length === 0) w.empty(s.agreedEmpty);
  for (const a of summary.agreed) {
    const where = a.slot
      ? [s.day(a.slot.date), a.slot.time, w.network(a.slot.channel), w.format(a.slot.format)].join(' · ')
      : s.notScheduled;
    w.item([
      { value: where, size: 9, color: palette.muted },
      { value: a.status === 'changed' ? `${a.title} (${s.changed})` : a.title, bold: true },
      { value: a.change ? s.change(a.change) : '', color: palette.body },
    ]);
  }

  if (summary.parked.length > 0) {
    w.heading(s.parked);
    w.text(s.parkedHint, { size: 9, color: palette.muted, gap: 4 });
    for (const p of summary.parked) w.item([{ value: p.title, bold: true }, { value: p.note }]);
  }
  if (summary.dropped.length > 0) {
    w.heading(s.dropped);
    for (const p of summary.dropped) w.item([{ value: p.title, bold: true }, { value: p.note }]);
  }
  if (summary.ideas.length > 0) {
    w.heading(s.ideas);
    for (const i of summary.ideas) {
      w.item([
        { value: i.title, bold: true },
        { value: i.authorName ? s.ideaBy(i.authorName) : '', size: 9, color: palette.muted },
      ]);
    }
  }

  if (summary.plans.length > 0) {
    w.heading(s.plans);
    for (const p of summary.plans) {
      const when = [p.startsOn, p.endsOn]
        .filter((d): d is string => Boolean(d))
        .map((d) => s.dayMonth(d))
        .join(' – ');
      w.item([
        { value: p.title, bold: true },
        {
          value: [s.likelihoods[p.likelihood as Likelihood] ?? p.likelihood, when]
            .filter(Boolean)
            .join(' · '),
          size: 9,
          color: palette.muted,
        },
        { value: p.notes, color: palette.body },
      ]);
      for (const c of p.contingencies) {
        const detail = [c.trigger, w.network(c.channel), w.format(c.format)].filter(Boolean).join(' · ');
        w.text(`${s.whatIf}: ${c.concept}`, { indent: 24 });
        if (detail) w.text(detail, { indent: 24, size: 9, color: palette.muted });
        w.doc.y += 3;
      }
    }
  }

  if (summary.questions.length > 0) {
    w.heading(s.questions);
    for (const q of summary.questions) {
      w.item([
        {
          value: [s.questionStatuses[q.status], q.topicTitle ? s.aboutTopic(q.topicTitle) : '']
            .filter(Boolean)
            .join(' · '),
          size: 9,
          color: q.status === 'for_facts' ? 'B45309' : palette.muted,
        },
        { value: q.text, bold: true },
        { value: q.answer, color: palette.body },
      ]);
    }
  }

  if (summary.comments.length > 0) {
    w.heading(s.comments);
    for (const c of summary.comments) {
      const verdict = c.verdict === 'accept' || c.verdict === 'changes' ? s.verdicts[c.verdict] : '';
      w.item([
        { value: w.subject(c.subject), size: 9, color: palette.muted },
        { value: [c.authorName ?? '', verdict].filter(Boolean).join(' · '), bold: true },
        { value: c.body, color: palette.body },
      ]);
    }
  }

  const notes = summary.notes.filter((p) => p.trim().length > 0);
  if (notes.length > 0) {
    w.heading(s.notes);
    for (const p of notes) w.text(p, { color: palette.body, gap: 5 });
  }

  w.heading(s.participants);
  for (const side of ['agency', 'client'] as const) {
    const names = summary.participants.filter((p) => p.side === side).map((p) => p.name);
    if (names.length > 0) w.text(`${s.sides[side]}: ${names.join(', ')}`, { gap: 3 });
  }
  if (summary.participants.length === 0) w.empty();
  const absent = summary.absent ?? [];
  if (absent.length > 0) {
    w.heading(s.absent);
    for (const side of ['agency', 'client'] as const) {
      const names = absent.filter((p) => p.side === side).map((p) => p.name);
      if (names.length > 0) w.text(`${s.sides[side]}: ${names.join(', ')}`, { gap: 3 });
    }
  }
}

/** Page numbers and the document's name at the foot of every page, written once the count is known. */
function footers(doc: Doc, s: SummaryText, label: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Sans').fontSize(8).fillColor(`#${palette.faint}`);
    doc.text(label, margin, H - 36, { width: width - 60, lineBreak: false, ellipsis: true, height: 10 });
    doc.text(s.page(i + 1, range.count), W - margin - 60, H - 36, {
      width: 60,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = keep;
  }
}
