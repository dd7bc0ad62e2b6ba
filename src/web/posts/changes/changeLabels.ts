import type {
  ChangeKind,
  ClientPlan,
  Contingency,
  UnplannedChange,
  Urgency,
} from '../../../shared/api/index.ts';
import type { CycleStage } from '../../../shared/roles.ts';

export const kindColor: Record<ChangeKind, string> = {
  situational: 'grape',
  replacement: 'orange',
  same_day_rewrite: 'red',
};

export const urgencyColor: Record<Urgency, string> = { asap: 'red', today: 'orange', this_week: 'blue' };

/**
 * Unplanned changes belong to the month after the meeting agreed its plan: before that, a new
 * idea is simply a topic, not a change.
 */
const duringTheMonth: readonly CycleStage[] = ['facts', 'content', 'running'];
export const isDuringTheMonth = (stage: CycleStage) => duringTheMonth.includes(stage);

/** A prepared "what if" post, the client plan it answers, and the change that used it, if any. */
export interface MonthContingency {
  contingency: Contingency;
  plan: ClientPlan;
  usedBy: UnplannedChange | undefined;
}

export function monthContingencies(plans: ClientPlan[], changes: UnplannedChange[]): MonthContingency[] {
  const used = new Map(changes.filter((c) => c.contingencyId).map((c) => [c.contingencyId, c]));
  return plans.flatMap((plan) =>
    plan.contingencies.map((contingency) => ({ contingency, plan, usedBy: used.get(contingency.id) })),
  );
}

/** A concept shortened for a picker or a badge; the full text stays where there is room. */
export const shortConcept = (concept: string, max = 80) =>
  concept.length > max ? `${concept.slice(0, max - 1).trimEnd()}…` : concept;
