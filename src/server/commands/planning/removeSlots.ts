import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { Executor } from '../../db/connect.ts';
import { posts, slots } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { type CycleInClient, loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { canEditPlan } from '../../policies/plan.ts';
import type { SlotRow } from './slotScope.ts';

/** Lock the slots of one plan; any id not in it (another plan's, another tenant's, gone) is 404. */
async function lockSlotsOfPlan(tx: Executor, found: CycleInClient, slotIds: string[]): Promise<SlotRow[]> {
  const rows = await tx
    .select()
    .from(slots)
    .where(and(eq(slots.cycleId, found.cycle.id), inArray(slots.id, slotIds)))
    .for('update');
  if (rows.length !== new Set(slotIds).size) throw notFound();
  return rows;
}

/**
 * The one way slots are deleted (one, several, an undone fill): each recorded, their topics left
 * in the plan, unplaced. A written post is not deleted from under its writer (the database
 * restricts it too): the whole call is refused, naming why, rather than half done or a 500.
 */
export async function deleteSlotRows(tx: Executor, actor: Actor, found: CycleInClient, rows: SlotRow[]) {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const [written] = await tx.select({ id: posts.id }).from(posts).where(inArray(posts.slotId, ids));
  if (written) throw new AppError('slot_has_post');
  await tx.delete(slots).where(inArray(slots.id, ids));
  for (const row of rows)
    await recordPlanEvent(tx, actor, found, 'slot.deleted', { type: 'slot', id: row.id });
}

/**
 * Remove several slots of one plan in one transaction: all of them or, when one id is not the
 * plan's, none (404). A slot's topic stays in the plan, unplaced, as with a single delete.
 */
export function removeSlots(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  slotIds: string[],
): Promise<{ deleted: number }> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canEditPlan);
    const rows = await lockSlotsOfPlan(tx, found, slotIds);
    await deleteSlotRows(tx, actor, found, rows);
    return { deleted: rows.length };
  });
}
