import type { InsightMonth } from '../../shared/api/insights.ts';
import { csvFile, csvNumber } from '../exports/locale.ts';
import { figureNames, reportWords } from './words.ts';

type Language = 'uk' | 'en';

/** The figures month by month as CSV, in the language's dialect (exports/locale.ts). */
export function insightsCsv(months: InsightMonth[], language: Language): string {
  const w = reportWords[language];
  const names = figureNames[language];
  const header = [w.csvMonth, w.csvBefore, w.csvSource, ...names.map(([name]) => name)];
  const lines = months.map((m) => [
    m.month,
    m.before ? '1' : '0',
    m.source,
    ...names.map(([, value]) => csvNumber(language, value(m.figures))),
  ]);
  return csvFile(language, header, lines, w.csvEmpty);
}

/** Each figure's mean over the "before" months that have it; null where none has. */
export function averageBefore(months: InsightMonth[], language: Language): Array<number | null> {
  const before = months.filter((m) => m.before);
  return figureNames[language].map(([, value]) => {
    const values = before.map((m) => value(m.figures)).filter((v): v is number => v !== null);
    if (values.length === 0) return null;
    return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  });
}
