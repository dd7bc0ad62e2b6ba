import type { InsightMonth } from '../../shared/api/insights.ts';
import { pooledFirstRound } from '../../shared/insights.ts';
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
 * first-round share is pooled (all round-1 approvals over all approvals), as on screen.
 */
export function averageBefore(months: InsightMonth[], language: Language): Array<number | null> {
  const before = months.filter((m) => m.before && !m.partial);
  return figureNames[language].map(([, value], i) => {
    if (figureCompared[i] === 'firstRoundShare') {
      const pooled = pooledFirstRound(before);
      return pooled === null ? null : Math.round(pooled * 1000) / 10;
    }
    const values = before.map((m) => value(m.figures)).filter((v): v is number => v !== null);
    if (values.length === 0) return null;
    return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  });
}
