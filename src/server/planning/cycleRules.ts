import { type CycleStage, cycleStages } from '../../shared/roles.ts';
import { dayOfMonth, daysOfMonth, localParts, previousMonth } from '../../shared/time.ts';
import type { StageDeadlines } from '../db/schema/index.ts';

export const stageIndex = (stage: CycleStage) => cycleStages.indexOf(stage);
export const nextStage = (stage: CycleStage): CycleStage | null => cycleStages[stageIndex(stage) + 1] ?? null;

/** Default deadlines of a month from the client's "day of the month before" settings. */
export function defaultDeadlines(
  month: string,
  days: { preparation: number; meeting: number; facts: number; content: number },
): StageDeadlines {
  const before = previousMonth(month);
  return {
    preparation: dayOfMonth(before, days.preparation),
    meeting: dayOfMonth(before, days.meeting),
    facts: dayOfMonth(before, days.facts),
    content: dayOfMonth(before, days.content),
    running: daysOfMonth(month).at(-1)!,
  };
}

/** Today's date in the client's time zone. */
export const todayIn = (timezone: string, now = new Date()) => localParts(now, timezone).date;

export function isOverdue(
  stage: CycleStage,
  deadlines: StageDeadlines,
  timezone: string,
  now = new Date(),
): boolean {
  const deadline = deadlines[stage];
  return stage !== 'closed' && deadline !== undefined && deadline < todayIn(timezone, now);
}

export interface PlanFacts {
  slots: number;
  slotsWithoutTopic: number;
  topics: number;
  undecidedTopics: number;
  /** Slots without a post, or whose post is not approved yet. */
  slotsNotApproved: number;
  /** The month's fact request has gone to the client (writing waits for it, not for every answer). */
  factRequestSent: boolean;
  shared: boolean;
  month: string;
  timezone: string;
}

/**
 * What must be true before a cycle may move on from a stage, as stable codes the web app
 * translates. Later stages (posts) add their own checks here.
 */
export function missingFor(from: CycleStage, facts: PlanFacts, now = new Date()): string[] {
  const missing: string[] = [];
  if (from === 'preparation') {
    if (facts.slots === 0) missing.push('no_slots');
    if (facts.topics === 0) missing.push('no_topics');
    if (!facts.shared) missing.push('not_shared');
  }
  if (from === 'meeting' && facts.undecidedTopics > 0) missing.push('topics_undecided');
  if (from === 'facts' && !facts.factRequestSent) missing.push('fact_request_not_sent');
  if (from === 'content' && facts.slotsWithoutTopic > 0) missing.push('slots_without_topic');
  if (from === 'content' && facts.slotsNotApproved > 0) missing.push('posts_not_approved');
  if (from === 'running' && todayIn(facts.timezone, now) <= daysOfMonth(facts.month).at(-1)!) {
    missing.push('month_not_over');
  }
  return missing;
}
