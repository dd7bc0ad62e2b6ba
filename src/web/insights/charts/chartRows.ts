import type { InsightMonth } from '../../../shared/api/index.ts';
import type { Language } from '../../i18n/index.ts';
import { monthShort } from '../months.ts';

/** One month as a chart draws it: its axis label, whether it is "before", and the values. */
export interface ChartRow {
  month: string;
  label: string;
  before: boolean;
  /** Not over yet (the server's rule): drawn pale, dashed or hollow, and named in the summary. */
  partial: boolean;
  cycleId: string | null;
  values: Record<string, number | null>;
}

export function chartRows(
  months: InsightMonth[],
  language: Language,
  pick: (m: InsightMonth) => Record<string, number | null>,
): ChartRow[] {
  return months.map((m) => ({
    month: m.month,
    label: monthShort(m.month, language),
    before: m.before,
    partial: m.partial,
    cycleId: m.cycleId,
    values: pick(m),
  }));
}

/** Runs of consecutive "before" months, each shaded as one area. */
export function beforeRuns(rows: ChartRow[]): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  let open: { from: string; to: string } | null = null;
  for (const row of rows) {
    if (row.before) {
      if (open) open.to = row.label;
      else {
        open = { from: row.label, to: row.label };
        runs.push(open);
      }
    } else open = null;
  }
  return runs;
}
