import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { slots } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { lockSlot, planOfSlot } from './slotScope.ts';

/** Remove a slot from the schedule; its topic stays in the plan. */
export function removeSlot(ctx: Pick<Context, 'db' | 'live' | 'log'>, actor: Actor, slotId: string) {
  return transact(ctx, async (tx) => {
    const found = await planOfSlot(tx, actor, slotId);
    const current = await lockSlot(tx, found, slotId);
    await tx.delete(slots).where(eq(slots.id, current.id));
    await recordPlanEvent(tx, actor, found, 'slot.deleted', { type: 'slot', id: current.id });
  });
}
