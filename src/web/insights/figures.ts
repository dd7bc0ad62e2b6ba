import type { InsightMonth, MonthFigures } from '../../shared/api/index.ts';
import type { NumberKind } from './numbers.ts';

/** Every number of a month the screens show, in the order of the table. */
export const figureKeys = [
  'postsPlanned',
  'postsPublished',
  'postsApproved',
  'firstRoundShare',
  'averageRounds',
  'revisionRounds',
  'situational',
  'replacements',
  'rewrites',
  'covered',
  'topicsProposed',
  'topicsAccepted',
  'topicsParked',
  'topicsDropped',
  'fromClient',
  'fromMeeting',
  'fromReserve',
  'reserveSize',
  'factTurnaroundDays',
  'factItemsOverdue',
  'approvalTurnaroundHours',
  'approvalsOverdue',
  'deadlinesMet',
  'deadlinesMissed',
] as const;
export type FigureKey = (typeof figureKeys)[number];

export interface FigureDef {
  value: (f: MonthFigures) => number | null;
  kind: NumberKind;
  /** Where the records behind the figure are, in the month's cycle. */
  tab: 'posts' | 'changes' | 'topics' | 'facts' | null;
  /** Which way is an improvement; undefined when neither is (posts planned). */
  better?: 'higher' | 'lower';
}

const topic = (pick: (t: NonNullable<MonthFigures['topics']>) => number) => (f: MonthFigures) =>
  f.topics ? pick(f.topics) : null;

export const figureDefs: Record<FigureKey, FigureDef> = {
  postsPlanned: { value: (f) => f.postsPlanned, kind: 'count', tab: 'posts' },
  postsPublished: { value: (f) => f.postsPublished, kind: 'count', tab: 'posts' },
  postsApproved: { value: (f) => f.postsApproved, kind: 'count', tab: 'posts' },
  firstRoundShare: { value: (f) => f.firstRoundShare, kind: 'percent', tab: 'posts', better: 'higher' },
  averageRounds: { value: (f) => f.averageRounds, kind: 'decimal', tab: 'posts', better: 'lower' },
  revisionRounds: { value: (f) => f.revisionRounds, kind: 'count', tab: 'posts', better: 'lower' },
  situational: { value: (f) => f.situational, kind: 'count', tab: 'changes', better: 'lower' },
  replacements: { value: (f) => f.replacements, kind: 'count', tab: 'changes', better: 'lower' },
  rewrites: { value: (f) => f.rewrites, kind: 'count', tab: 'changes', better: 'lower' },
  covered: { value: (f) => f.covered, kind: 'count', tab: 'changes', better: 'higher' },
  topicsProposed: { value: topic((t) => t.proposed), kind: 'count', tab: 'topics' },
  topicsAccepted: { value: topic((t) => t.accepted), kind: 'count', tab: 'topics' },
  topicsParked: { value: topic((t) => t.parked), kind: 'count', tab: 'topics' },
  topicsDropped: { value: topic((t) => t.dropped), kind: 'count', tab: 'topics' },
  fromClient: { value: topic((t) => t.fromClient), kind: 'count', tab: 'topics' },
  fromMeeting: { value: topic((t) => t.fromMeeting), kind: 'count', tab: 'topics' },
  fromReserve: { value: topic((t) => t.fromReserve), kind: 'count', tab: 'topics' },
  reserveSize: { value: topic((t) => t.reserveSize), kind: 'count', tab: 'topics' },
  factTurnaroundDays: { value: (f) => f.factTurnaroundDays, kind: 'days', tab: 'facts', better: 'lower' },
  factItemsOverdue: { value: (f) => f.factItemsOverdue, kind: 'count', tab: 'facts', better: 'lower' },
  approvalTurnaroundHours: {
    value: (f) => f.approvalTurnaroundHours,
    kind: 'days',
    tab: 'posts',
    better: 'lower',
  },
  approvalsOverdue: { value: (f) => f.approvalsOverdue, kind: 'count', tab: 'posts', better: 'lower' },
  deadlinesMet: { value: (f) => f.deadlines?.met ?? null, kind: 'count', tab: null, better: 'higher' },
  deadlinesMissed: { value: (f) => f.deadlines?.missed ?? null, kind: 'count', tab: null, better: 'lower' },
};

export const unplannedTotal = (f: MonthFigures) => f.situational + f.replacements + f.rewrites;

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
export function pooledFirstRound(months: InsightMonth[]): number | null {
  const approved = sum(months.map((m) => m.figures.postsApproved));
  return approved ? sum(months.map((m) => m.figures.approvedFirstRound)) / approved : null;
}

/** The same figure averaged over months: pooled for the share, a plain mean for the rest. */
export function averageOf(key: FigureKey, months: InsightMonth[]): number | null {
  if (key === 'firstRoundShare') return pooledFirstRound(months);
  return mean(months.map((m) => figureDefs[key].value(m.figures)));
}

/**
 * The month the cards speak about: the latest closed month since co-creation; while none is
 * closed, the latest one there is (the cards then say it is still running).
 */
export function headlineMonth(months: InsightMonth[]): InsightMonth | undefined {
  const since = months.filter((m) => !m.before);
  return (
    since.findLast((m) => m.stage === 'closed') ??
    since.at(-1) ??
    months.findLast((m) => m.stage === 'closed')
  );
}
