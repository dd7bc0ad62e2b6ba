import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { putCadenceBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { cadenceRules, cycles } from '../../db/schema/index.ts';
import { staleVersion } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { checkSlotPlace } from '../../planning/slotInput.ts';
import { canEditPlan } from '../../policies/plan.ts';

/** Replace all of a cycle's cadence rules at once (the cycle's version guards the save). */
export function replaceCadence(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof putCadenceBody>,
): Promise<Array<typeof cadenceRules.$inferSelect>> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canEditPlan);
    if (found.cycle.version !== input.version) throw staleVersion();
    await tx
      .update(cycles)
      .set({ version: found.cycle.version + 1 })
      .where(eq(cycles.id, found.cycle.id));
    const firstDay = `${found.cycle.month}-01`;
    // Each rule must describe slots the schedule could hold (channel, format, rubric of this client).
    for (const rule of input.rules) {
      await checkSlotPlace(tx, found, { ...rule, date: firstDay });
    }
    await tx.delete(cadenceRules).where(eq(cadenceRules.cycleId, found.cycle.id));
    const rows = input.rules.length
      ? await tx
          .insert(cadenceRules)
          .values(
            input.rules.map((r) => ({
              ...r,
              weekdays: [...new Set(r.weekdays)].sort(),
              cycleId: found.cycle.id,
            })),
          )
          .returning()
      : [];
    await recordPlanEvent(
      tx,
      actor,
      found,
      'cadence.updated',
      { type: 'cycle', id: found.cycle.id },
      { rules: rows.length },
    );
    return rows;
  });
}
