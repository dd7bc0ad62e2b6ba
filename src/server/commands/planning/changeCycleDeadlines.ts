import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateCycleBody } from '../../../shared/api/planning.ts';
import { cycleStages, stageOwners } from '../../../shared/roles.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { cycles } from '../../db/schema/index.ts';
import { staleVersion } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { type CycleInClient, loadCycleForChange } from '../../planning/load.ts';
import { canAdvanceCycle } from '../../policies/plan.ts';

/** Change some of a cycle's stage deadlines; the others stay as they are. */
export function changeCycleDeadlines(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof updateCycleBody>,
): Promise<CycleInClient> {
  return transact(ctx, async (tx) => {
    const { cycle: current, client } = await loadCycleForChange(tx, actor, cycleId, canAdvanceCycle);
    if (current.version !== input.version) throw staleVersion();
    const deadlines = { ...current.deadlines, ...input.deadlines };
    const [row] = await tx
      .update(cycles)
      .set({ deadlines, version: current.version + 1 })
      .where(eq(cycles.id, current.id))
      .returning();
    // What changed, in two events: the client's own stages (its contacts hear of them once the
    // plan is shared) and the agency's (its internal marks, told only to the team).
    const changed = cycleStages.filter((s) => deadlines[s] !== current.deadlines[s]);
    const parts = [
      changed.filter((s) => stageOwners[s] !== 'agency'),
      changed.filter((s) => stageOwners[s] === 'agency'),
    ].filter((stages) => stages.length > 0);
    for (const stages of parts.length > 0 ? parts : [[]]) {
      await recordEvent(tx, actor.user, {
        agencyId: client.agencyId,
        clientId: client.id,
        type: 'cycle.deadlines_changed',
        subjectType: 'cycle',
        subjectId: current.id,
        data: { month: current.month, deadlines: Object.fromEntries(stages.map((s) => [s, deadlines[s]!])) },
        state: current,
      });
    }
    return { cycle: row!, client };
  });
}
