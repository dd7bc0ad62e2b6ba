import type { InsightMonth, MonthFigures } from '../../shared/api/index.ts';
import { type Better, betterWay, closedBefore, perMonth } from '../../shared/insights.ts';
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
  better?: Better;
}

const topic = (pick: (t: NonNullable<MonthFigures['topics']>) => number) => (f: MonthFigures) =>
  f.topics ? pick(f.topics) : null;

export const figureDefs: Record<FigureKey, FigureDef> = {
  postsPlanned: { value: (f) => f.postsPlanned, kind: 'count', tab: 'posts' },
  postsPublished: { value: (f) => f.postsPublished, kind: 'count', tab: 'posts' },
  postsApproved: { value: (f) => f.postsApproved, kind: 'count', tab: 'posts' },
  firstRoundShare: {
    value: (f) => f.firstRoundShare,
    kind: 'percent',
    tab: 'posts',
    better: betterWay.firstRoundShare,
  },
  averageRounds: {
    value: (f) => f.averageRounds,
    kind: 'decimal',
    tab: 'posts',
    better: betterWay.averageRounds,
  },
  revisionRounds: {
    value: (f) => f.revisionRounds,
    kind: 'count',
    tab: 'posts',
    better: betterWay.revisionRounds,
  },
  situational: { value: (f) => f.situational, kind: 'count', tab: 'changes', better: betterWay.situational },
  replacements: {
    value: (f) => f.replacements,
    kind: 'count',
    tab: 'changes',
    better: betterWay.replacements,
  },
  rewrites: { value: (f) => f.rewrites, kind: 'count', tab: 'changes', better: betterWay.rewrites },
  covered: { value: (f) => f.covered, kind: 'count', tab: 'changes', better: betterWay.covered },
  topicsProposed: { value: topic((t) => t.proposed), kind: 'count', tab: 'topics' },
  topicsAccepted: { value: topic((t) => t.accepted), kind: 'count', tab: 'topics' },
  topicsParked: { value: topic((t) => t.parked), kind: 'count', tab: 'topics' },
  topicsDropped: { value: topic((t) => t.dropped), kind: 'count', tab: 'topics' },
  fromClient: { value: topic((t) => t.fromClient), kind: 'count', tab: 'topics' },
  fromMeeting: { value: topic((t) => t.fromMeeting), kind: 'count', tab: 'topics' },
  fromReserve: { value: topic((t) => t.fromReserve), kind: 'count', tab: 'topics' },
  reserveSize: { value: topic((t) => t.reserveSize), kind: 'count', tab: 'topics' },
  factTurnaroundDays: {
    value: (f) => f.factTurnaroundDays,
    kind: 'days',
    tab: 'facts',
    better: betterWay.factTurnaroundDays,
  },
  factItemsOverdue: {
    value: (f) => f.factItemsOverdue,
    kind: 'count',
    tab: 'facts',
    better: betterWay.factItemsOverdue,
  },
  approvalTurnaroundHours: {
    value: (f) => f.approvalTurnaroundHours,
    kind: 'days',
    tab: 'posts',
    better: betterWay.approvalTurnaroundHours,
  },
  approvalsOverdue: {
    value: (f) => f.approvalsOverdue,
    kind: 'count',
    tab: 'posts',
    better: betterWay.approvalsOverdue,
  },
  deadlinesMet: {
    value: (f) => f.deadlines?.met ?? null,
    kind: 'count',
    tab: null,
    better: betterWay.deadlinesMet,
  },
  deadlinesMissed: {
    value: (f) => f.deadlines?.missed ?? null,
    kind: 'count',
    tab: null,
    better: betterWay.deadlinesMissed,
  },
};

export const unplannedTotal = (f: MonthFigures) => f.situational + f.replacements + f.rewrites;

export { mean, pooledFirstRound, sum } from '../../shared/insights.ts';

/** The same figure per month over several months (the rule of shared/insights.ts). */
export function averageOf(key: FigureKey, months: InsightMonth[]): number | null {
  return perMonth(key, figureDefs[key].value, months);
}

/**
 * The month the cards speak about: the latest finished month since co-creation (a cycle closed
 * early does not finish its month); while none has finished, the latest one there is (the
 * cards then say it is still running and judge nothing).
 */
export function headlineMonth(months: InsightMonth[]): InsightMonth | undefined {
  const since = months.filter((m) => !m.before);
  return since.findLast((m) => !m.partial) ?? since.at(-1) ?? months.findLast((m) => !m.partial);
}

/** The months before co-creation the headline month is compared with: the finished ones. */
export const comparedBefore = (months: InsightMonth[]) => closedBefore(months);
