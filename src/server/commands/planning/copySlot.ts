import type { z } from 'zod';
import type { duplicateSlotBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { slots } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { checkSlotPlace } from '../../planning/slotInput.ts';
import { lockSlot, placeOf, planOfSlot, type SlotInZone } from './slotScope.ts';

/** Copy a slot without its topic, on the same or another date and time. */
export function copySlot(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  slotId: string,
  input: z.output<typeof duplicateSlotBody>,
): Promise<SlotInZone> {
  return transact(ctx, async (tx) => {
    const found = await planOfSlot(tx, actor, slotId);
    const source = await lockSlot(tx, found, slotId);
    const place = placeOf(source, found.client.timezone, { date: input.date, time: input.time });
    const startsAt = await checkSlotPlace(tx, found, place);
    const [row] = await tx
      .insert(slots)
      .values({ ...place, cycleId: found.cycle.id, startsAt })
      .returning();
    await recordPlanEvent(
      tx,
      actor,
      found,
      'slot.created',
      { type: 'slot', id: row!.id },
      { date: place.date, time: place.time, copyOf: source.id },
    );
    return { row: row!, timezone: found.client.timezone };
  });
}
