import type { InsightMonth } from '../../shared/api/insights.ts';
import { closedBefore, perMonth } from '../../shared/insights.ts';
import { csvFile, csvNumber } from '../exports/locale.ts';
import { comparisonWords } from './reportChart.ts';
import { figureCompared, figureNames, reportWords } from './words.ts';

type Language = 'uk' | 'en';

/** The figures month by month as CSV, in the language's dialect (exports/locale.ts). */
export function insightsCsv(months: InsightMonth[], language: Language): string {
  const w = reportWords[language];
  const names = figureNames[language];
  const header = [
    w.csvMonth,
    w.csvBefore,
    w.csvSource,
    ...names.map(([name]) => name),
    comparisonWords[language].csvPartial,
  ];
  const lines: string[][] = months.map((m) => [
    m.month,
    m.before ? '1' : '0',
    m.source,
    ...names.map(([, value]) => csvNumber(language, value(m.figures))),
    // Last, so the columns before keep their places: a month still running is not final.
    m.partial ? '1' : '0',
  ]);
  return csvFile(language, header, lines, w.csvEmpty);
}

/**
 * Each figure's mean over the finished "before" months that have it; null where none has. The
 * months and the averaging are the screen's (shared/insights.ts): the first-round share pooled.
 */
export function averageBefore(months: InsightMonth[], language: Language): Array<number | null> {
  const before = closedBefore(months);
  return figureNames[language].map(([, value], i) => {
    const key = figureCompared[i] ?? null;
    const average = perMonth(key ?? '', value, before);
    if (average === null) return null;
    // The pooled share is a fraction; the report shows it as a percentage, like the months.
    return key === 'firstRoundShare' ? Math.round(average * 1000) / 10 : Math.round(average * 10) / 10;
  });
}
