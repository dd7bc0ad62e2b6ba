import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../db/connect.ts';
import { AppError } from '../../errors.ts';
import { loadCycle } from '../../planning/load.ts';
import { isAgencyManager } from '../../policies/agency.ts';
import { canLogChange } from '../../policies/posts.ts';

/** The cycle, locked, for a manager logging a change during the month's work. */
export async function loadCycleForChangeLog(tx: Tx, actor: Actor, cycleId: string) {
  const found = await loadCycle(tx, actor, cycleId, true);
  if (!canLogChange(actor, found.client, found.cycle)) {
    // A manager at the wrong time is told when; anyone else is simply not allowed.
    const manager = isAgencyManager(actor, found.client.agencyId) && found.cycle.stage !== 'closed';
    throw new AppError(manager ? 'conflict' : 'forbidden', {
      message: manager
        ? 'Unplanned changes are logged from the fact request until the month closes.'
        : undefined,
    });
  }
  return found;
}
