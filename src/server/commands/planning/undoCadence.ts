import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { slots } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { canEditPlan } from '../../policies/plan.ts';
import { deleteSlotRows } from './removeSlots.ts';

/**
 * Undo a fill of the month: remove the slots it created (the ids its answer gave). A slot a
 * topic was put in since is kept and named, so an undo never takes a topic out of the
 * schedule behind anyone's back; removing it is then a deliberate delete. Ids already gone
 * (deleted by hand meanwhile) are nothing left to undo; ids of another plan are never touched.
 */
export function undoCadence(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  slotIds: string[],
): Promise<{ removed: number; kept: Array<{ slotId: string; reason: 'has_topic' }> }> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canEditPlan);
    const rows = await tx
      .select()
      .from(slots)
      .where(and(eq(slots.cycleId, found.cycle.id), inArray(slots.id, slotIds)))
      .for('update');
    const empty = rows.filter((r) => r.topicId === null);
    await deleteSlotRows(tx, actor, found, empty);
    return {
      removed: empty.length,
      kept: rows
        .filter((r) => r.topicId !== null)
        .map((r) => ({ slotId: r.id, reason: 'has_topic' as const })),
    };
  });
}
