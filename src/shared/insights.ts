import type { InsightMonth, MonthFigures } from './api/insights.ts';

/**
 * The rules every insights reader applies, the screen and the PDF report alike: which months
 * are over, which way a figure improves, how months are averaged and what is compared with
 * what. Kept here so a badge in the report can never disagree with the same badge on screen.
 */

/**
 * A month is partial until it has ended in the client's time zone: the current month (and any
 * later one planned ahead). Its figures are still moving, so averages and comparisons leave it
 * out. `today` is the client's local date (YYYY-MM-DD).
 */
export function isPartialMonth(month: string, today: string): boolean {
  return month >= today.slice(0, 7);
}

export type Better = 'higher' | 'lower';
export type Verdict = 'better' | 'worse' | 'same';

/** The figures that can get better or worse, and which way is better. Others (posts planned) are neither. */
export const betterWay = {
  firstRoundShare: 'higher',
  averageRounds: 'lower',
  revisionRounds: 'lower',
  situational: 'lower',
  replacements: 'lower',
  rewrites: 'lower',
  covered: 'higher',
  factTurnaroundDays: 'lower',
  factItemsOverdue: 'lower',
  approvalTurnaroundHours: 'lower',
  approvalsOverdue: 'lower',
  deadlinesMet: 'higher',
  deadlinesMissed: 'lower',
} as const satisfies Record<string, Better>;
export type ComparedKey = keyof typeof betterWay;

/** Each compared figure read from a month (the share as 0…1). */
export const comparedValue: Record<ComparedKey, (f: MonthFigures) => number | null> = {
  firstRoundShare: (f) => f.firstRoundShare,
  averageRounds: (f) => f.averageRounds,
  revisionRounds: (f) => f.revisionRounds,
  situational: (f) => f.situational,
  replacements: (f) => f.replacements,
  rewrites: (f) => f.rewrites,
  covered: (f) => f.covered,
  factTurnaroundDays: (f) => f.factTurnaroundDays,
  factItemsOverdue: (f) => f.factItemsOverdue,
  approvalTurnaroundHours: (f) => f.approvalTurnaroundHours,
  approvalsOverdue: (f) => f.approvalsOverdue,
  deadlinesMet: (f) => f.deadlines?.met ?? null,
  deadlinesMissed: (f) => f.deadlines?.missed ?? null,
};

/** Better, worse or the same as before; null when either side is missing or neither way is better. */
export function verdictOf(value: number | null, before: number | null, better?: Better): Verdict | null {
  if (value === null || before === null || !better) return null;
  // Differences in the noise of rounding are no change.
  if (Math.abs(value - before) < 0.005) return 'same';
  return value > before === (better === 'higher') ? 'better' : 'worse';
}

/** Mean of the values there are; null when there are none (an imported month has no facts). */
export function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The first-round share of several months together: all first-round approvals over all
 * approvals, so a month with two posts weighs less than one with twenty.
 */
export function pooledFirstRound(months: Pick<InsightMonth, 'figures'>[]): number | null {
  const approved = sum(months.map((m) => m.figures.postsApproved));
  return approved ? sum(months.map((m) => m.figures.approvedFirstRound)) / approved : null;
}

/** A figure per month over several months: pooled for the first-round share, a plain mean for the rest. */
export function perMonth(
  key: string,
  value: (f: MonthFigures) => number | null,
  months: Pick<InsightMonth, 'figures'>[],
): number | null {
  if (key === 'firstRoundShare') return pooledFirstRound(months);
  return mean(months.map((m) => value(m.figures)));
}

/** The verdict on one compared figure of a month against the months it is compared with. */
export function compareFigure(
  key: ComparedKey,
  month: Pick<InsightMonth, 'figures'>,
  before: InsightMonth[],
) {
  const value = comparedValue[key](month.figures);
  const average = before.length ? perMonth(key, comparedValue[key], before) : null;
  return { value, average, verdict: verdictOf(value, average, betterWay[key]) };
}

type PeriodMonth = Pick<InsightMonth, 'month' | 'before' | 'partial'>;

/** The months before co-creation a month is compared with: every finished one there is. */
export const closedBefore = <T extends PeriodMonth>(months: T[]) =>
  months.filter((m) => m.before && !m.partial);

/**
 * Before and since co-creation over equal periods: the N finished months since co-creation
 * began against the N finished months just before it. When one side has fewer, both take that
 * many, nearest the start on each side (a year since against two months before would weigh a
 * year's habits against two months'). Partial months never count.
 */
export function equalPeriods<T extends PeriodMonth>(months: T[]) {
  const closed = months.filter((m) => !m.partial);
  const before = closed.filter((m) => m.before);
  const since = closed.filter((m) => !m.before);
  const length = Math.min(before.length, since.length);
  return {
    before: before.slice(before.length - length),
    since: since.slice(0, length),
    /** Months on each side (the same on both). */
    length,
    /** Finished months since co-creation in the range, compared or not. */
    sinceClosed: since,
  };
}
