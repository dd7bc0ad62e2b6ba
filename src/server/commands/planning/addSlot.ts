import type { z } from 'zod';
import type { createSlotBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { slots } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { checkSlotPlace } from '../../planning/slotInput.ts';
import { canEditPlan } from '../../policies/plan.ts';
import type { SlotInZone } from './slotScope.ts';

/** Add an empty slot to a month's posting schedule, on one of the client's channels. */
export function addSlot(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof createSlotBody>,
): Promise<SlotInZone> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canEditPlan);
    const rubricId = input.rubricId ?? null;
    const startsAt = await checkSlotPlace(tx, found, { ...input, rubricId });
    const [row] = await tx
      .insert(slots)
      .values({
        cycleId: found.cycle.id,
        startsAt,
        channelId: input.channelId,
        format: input.format,
        rubricId,
      })
      .returning();
    await recordPlanEvent(
      tx,
      actor,
      found,
      'slot.created',
      { type: 'slot', id: row!.id },
      { date: input.date, time: input.time },
    );
    return { row: row!, timezone: found.client.timezone };
  });
}
