import { type CycleStage, cycleStages, stageOwners } from '../../shared/roles.ts';
import type { Actor } from '../auth/actor.ts';
import type { StageDeadlines } from '../db/schema/index.ts';
import type { ClientRow } from '../tenancy.ts';
import { agencyRoleIn } from './agency.ts';

/**
 * Which side of the work an answer is for, decided once per request from the client it is
 * about: `agency` for the client's own agency (every role), `client` for anyone else who reaches
 * the client (its approvers and contributors, and any scoped-link session, which has no agency).
 * Presenters take the side, not the actor's roles, so "what a contact is shown" is said once.
 */
export type Side = 'agency' | 'client';

export function sideOf(actor: Actor, client: Pick<ClientRow, 'agencyId'>): Side {
  return agencyRoleIn(actor, client.agencyId) ? 'agency' : 'client';
}

/**
 * The stage deadlines a side is shown. A stage the agency owns (preparation, content, running)
 * is the agency's own schedule, with its own slack: its deadline and lateness are not the
 * client's business, and showing them turned the agency's internal marks into a public
 * "overdue". The client sees the stages it takes part in (the meeting or fire-mode review, the
 * facts).
 */
export function stageDeadlinesFor(side: Side, deadlines: StageDeadlines): StageDeadlines {
  if (side === 'agency') return deadlines;
  const shown: StageDeadlines = {};
  for (const stage of cycleStages) {
    if (seesStageMarks(side, stage) && deadlines[stage] !== undefined) shown[stage] = deadlines[stage];
  }
  return shown;
}

/** May this side see the deadline and lateness of this stage? */
export function seesStageMarks(side: Side, stage: CycleStage): boolean {
  return side === 'agency' || stageOwners[stage] !== 'agency';
}
