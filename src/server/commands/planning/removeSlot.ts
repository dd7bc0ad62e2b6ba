import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';
import { deleteSlotRows } from './removeSlots.ts';
import { lockSlot, planOfSlot } from './slotScope.ts';

/** Remove a slot from the schedule; its topic stays in the plan (a slot with a post: 409). */
export function removeSlot(ctx: Pick<Context, 'db' | 'live' | 'log'>, actor: Actor, slotId: string) {
  return transact(ctx, async (tx) => {
    const found = await planOfSlot(tx, actor, slotId);
    const current = await lockSlot(tx, found, slotId);
    await deleteSlotRows(tx, actor, found, [current]);
  });
}
