import type { Actor } from '../auth/actor.ts';
import type { Tx } from '../db/connect.ts';
import { missingFor } from '../planning/cycleRules.ts';
import { planFacts } from '../planning/cycleView.ts';
import { moveCycleStage } from '../planning/moveCycleStage.ts';
import type { PostInCycle } from './load.ts';

/**
 * The last approval of the month starts it running: nothing is left to agree. The cycle row
 * is locked already (posts are loaded cycle first), so two last approvals cannot both move it.
 */
export async function startRunningWhenApproved(tx: Tx, actor: Actor, { cycle, client }: PostInCycle) {
  if (cycle.stage !== 'content') return;
  if (missingFor('content', await planFacts(tx, client, cycle)).length > 0) return;
  await moveCycleStage(tx, actor, { cycle, client }, 'running', cycle.version);
}
