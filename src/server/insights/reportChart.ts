import type { InsightMonth, MonthFigures } from '../../shared/api/insights.ts';
import type { Verdict } from '../../shared/insights.ts';
import { previousMonth } from '../../shared/time.ts';

type Doc = PDFKit.PDFDocument;
type Language = 'uk' | 'en';

/** The report's words for the chart, the badges and the partial month (words.ts holds the table's). */
export const comparisonWords = {
  uk: {
    verdict: { better: 'краще', worse: 'гірше', same: 'без змін' } satisfies Record<Verdict, string>,
    change: 'Зміна',
    partial: 'поточний місяць, неповний',
    ahead: 'місяць ще попереду',
    aheadNote:
      'Місяць ще не почався: його показники неповні, тож їх не порівнюють із місяцями до співтворчості.',
    partialNote: 'Місяць ще триває: показники неповні, тож їх не порівнюють із місяцями до співтворчості.',
    comparedWith: (n: number) => `Порівняно із середнім за ${months(n, 'uk')} до співтворчості.`,
    trend: 'Динаміка',
    chartFirstRound: 'Погоджено з першого кола, %',
    chartRounds: 'Кіл правок на пост, у середньому',
    legendBefore: 'до співтворчості',
    legendSince: 'від початку співтворчості',
    legendPartial: 'неповний місяць',
    noChart: 'Для графіка ще нема місяців із даними.',
    csvPartial: 'Неповний місяць',
  },
  en: {
    verdict: { better: 'better', worse: 'worse', same: 'no change' } satisfies Record<Verdict, string>,
    change: 'Change',
    partial: 'in progress',
    ahead: 'ahead',
    aheadNote:
      'The month has not begun yet: its figures are incomplete, so they are not compared with the months before co-creation.',
    partialNote:
      'The month is still running: its figures are incomplete, so they are not compared with the months before co-creation.',
    comparedWith: (n: number) => `Compared with the average of ${months(n, 'en')} before co-creation.`,
    trend: 'Trend',
    chartFirstRound: 'Approved in round 1, %',
    chartRounds: 'Average rounds per post',
    legendBefore: 'before co-creation',
    legendSince: 'since co-creation',
    legendPartial: 'month in progress',
    noChart: 'No months with figures to chart yet.',
    csvPartial: 'Month in progress',
  },
} as const;

const plural = { uk: new Intl.PluralRules('uk'), en: new Intl.PluralRules('en') };
const monthWord = {
  uk: { one: 'місяць', few: 'місяці', many: 'місяців', other: 'місяця' },
  en: { one: 'month', few: 'months', many: 'months', other: 'months' },
} as const;
/** "4 місяці", "5 місяців", "1 month": the period an average covers. */
function months(n: number, language: Language): string {
  const form = plural[language].select(n) as keyof (typeof monthWord)['uk'];
  return `${n} ${monthWord[language][form] ?? monthWord[language].other}`;
}

const verdictLook: Record<Verdict, { fill: string; text: string }> = {
  // The screen's teal / orange / grey badges, dark enough text to read on print.
  better: { fill: '#e6fcf5', text: '#087f5b' },
  worse: { fill: '#fff4e6', text: '#c2410c' },
  same: { fill: '#f1f3f5', text: '#495057' },
};

/** A small rounded label, as the screen's badge: the verdict, or that a month is partial. */
export function drawBadge(doc: Doc, x: number, y: number, text: string, look: Verdict | 'partial') {
  const colours = look === 'partial' ? { fill: '#fff9db', text: '#7c5e00' } : verdictLook[look];
  doc.font('Sans').fontSize(8);
  const w = doc.widthOfString(text) + 10;
  doc.roundedRect(x, y, w, 13, 6).fillColor(colours.fill).fill();
  doc.fillColor(colours.text).text(text, x + 5, y + 2.5, { lineBreak: false });
  return w;
}

const axisFormats = new Map<Language, Intl.DateTimeFormat>();
/** "лист", "Nov": a month on the axis (the short name without its dot). */
function axisLabel(month: string, language: Language): string {
  let format = axisFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
      month: 'short',
      timeZone: 'UTC',
    });
    axisFormats.set(language, format);
  }
  return format.format(new Date(`${month}-01T00:00:00Z`)).replace(/\.$/, '');
}

export interface TrendSeries {
  title: string;
  value: (f: MonthFigures) => number | null;
  /** The top of the axis; undefined: the largest value, rounded up. */
  max?: number;
  /** A number as the report prints it (the report's own formatting). */
  format: (v: number) => string;
}

const colours = { since: '#4c6ef5', before: '#adb5bd', axis: '#9ca3af', grid: '#e5e7eb', text: '#4b5563' };

/**
 * One figure month by month, drawn with PDFKit's vector operators (lines, circles, text), the
 * same way the screen's chart reads: months before co-creation grey, since in colour, the month
 * still running a hollow point on a dashed segment. Up to twelve months, ending at `last`.
 */
export function drawTrendChart(
  doc: Doc,
  box: { x: number; y: number; w: number; h: number },
  all: InsightMonth[],
  last: string,
  series: TrendSeries,
  language: Language,
) {
  const byMonth = new Map(all.map((m) => [m.month, m]));
  const first = all.find((m) => series.value(m.figures) !== null)?.month;
  const slots: string[] = [last];
  while (slots.length < 12 && first && slots[0]! > first) slots.unshift(previousMonth(slots[0]!));
  const values = slots.map((m) => {
    const month = byMonth.get(m);
    return month ? series.value(month.figures) : null;
  });
  const present = values.filter((v): v is number => v !== null);
  doc.font('Sans-Bold').fontSize(9).fillColor('#1f2937').text(series.title, box.x, box.y, {
    width: box.w,
    lineBreak: false,
  });
  const top = box.y + 16;
  const left = box.x + 30;
  const bottom = box.y + box.h - 22;
  const right = box.x + box.w - 6;
  const max = series.max ?? Math.max(1, Math.ceil(Math.max(0, ...present)));
  const yOf = (v: number) => bottom - (v / max) * (bottom - top);
  const step = (right - left) / slots.length;
  const xOf = (i: number) => left + step * (i + 0.5);

  // Axes and a grid line at half and at the top, with their values.
  doc.lineWidth(0.5);
  for (const v of [0, max / 2, max]) {
    doc
      .moveTo(left, yOf(v))
      .lineTo(right, yOf(v))
      .strokeColor(v === 0 ? colours.axis : colours.grid)
      .stroke();
    doc
      .font('Sans')
      .fontSize(7)
      .fillColor(colours.text)
      .text(series.format(v), box.x, yOf(v) - 4, { width: 26, align: 'right', lineBreak: false });
  }
  doc.moveTo(left, top).lineTo(left, bottom).strokeColor(colours.axis).stroke();
  // Month labels, the year under the first month and under each January.
  slots.forEach((m, i) => {
    doc
      .font('Sans')
      .fontSize(7)
      .fillColor(colours.text)
      .text(axisLabel(m, language), xOf(i) - step / 2, bottom + 3, {
        width: step,
        align: 'center',
        lineBreak: false,
      });
    if (i === 0 || m.endsWith('-01'))
      doc.text(m.slice(0, 4), xOf(i) - step / 2, bottom + 11, {
        width: step,
        align: 'center',
        lineBreak: false,
      });
  });
  if (present.length === 0) {
    doc
      .fontSize(8)
      .fillColor(colours.text)
      .text(comparisonWords[language].noChart, left, (top + bottom) / 2 - 4, {
        width: right - left,
        align: 'center',
        lineBreak: false,
      });
    return;
  }
  // Segments between neighbouring months that both have a value; a dashed one into a partial month.
  doc.lineWidth(1.5);
  for (let i = 1; i < slots.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    const to = byMonth.get(slots[i]!)!;
    doc.moveTo(xOf(i - 1), yOf(a)).lineTo(xOf(i), yOf(b));
    if (to.partial) doc.dash(3, { space: 2 });
    doc.strokeColor(to.before ? colours.before : colours.since).stroke();
    doc.undash();
  }
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const month = byMonth.get(slots[i]!)!;
    const colour = month.before ? colours.before : colours.since;
    if (month.partial) {
      doc.lineWidth(1.2).circle(xOf(i), yOf(v), 3).fillAndStroke('#ffffff', colour);
    } else doc.circle(xOf(i), yOf(v), 2.8).fillColor(colour).fill();
  });
  doc.lineWidth(1);
}

/** What the points mean, under the charts: only the kinds of month drawn. */
export function drawLegend(doc: Doc, x: number, y: number, shown: InsightMonth[], language: Language) {
  const w = comparisonWords[language];
  const items: Array<[string, 'before' | 'since' | 'partial']> = [];
  if (shown.some((m) => m.before)) items.push([w.legendBefore, 'before']);
  if (shown.some((m) => !m.before && !m.partial)) items.push([w.legendSince, 'since']);
  if (shown.some((m) => m.partial)) items.push([w.legendPartial, 'partial']);
  let at = x;
  doc.font('Sans').fontSize(7.5);
  for (const [text, kind] of items) {
    if (kind === 'partial')
      doc
        .lineWidth(1.2)
        .circle(at + 3, y + 4, 2.8)
        .fillAndStroke('#ffffff', colours.since);
    else
      doc
        .circle(at + 3, y + 4, 2.8)
        .fillColor(kind === 'before' ? colours.before : colours.since)
        .fill();
    doc.fillColor(colours.text).text(text, at + 9, y, { lineBreak: false });
    at += 9 + doc.widthOfString(text) + 14;
  }
  doc.lineWidth(1);
}
