import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateCycleBody } from '../../../shared/api/planning.ts';
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
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'cycle.deadlines_changed',
      subjectType: 'cycle',
      subjectId: current.id,
      data: { month: current.month, deadlines },
      state: current,
    });
    return { cycle: row!, client };
  });
}
