import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateSlotBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { slots } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordSlotPlaceEvent } from '../../planning/planEvent.ts';
import { sentTimesOfSlots } from '../../planning/shownSlots.ts';
import { checkSlotPlace } from '../../planning/slotInput.ts';
import { lockSlot, placeOf, planOfSlot, type SlotInZone } from './slotScope.ts';

/** Move a slot or change it (date, time, channel, format, rubric); what is not given stays. */
export function changeSlot(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  slotId: string,
  input: z.output<typeof updateSlotBody>,
): Promise<SlotInZone> {
  return transact(ctx, async (tx) => {
    const found = await planOfSlot(tx, actor, slotId);
    const current = await lockSlot(tx, found, slotId, input.version);
    const place = placeOf(current, found.client.timezone, input);
    const startsAt = await checkSlotPlace(tx, found, place);
    const [row] = await tx
      .update(slots)
      .set({
        startsAt,
        channelId: place.channelId,
        format: place.format,
        rubricId: place.rubricId,
        version: current.version + 1,
      })
      .where(eq(slots.id, current.id))
      .returning();
    const sent = await sentTimesOfSlots(tx, [current.id]);
    await recordSlotPlaceEvent(tx, actor, found, row!, sent.get(current.id) ?? null, {
      date: place.date,
      time: place.time,
    });
    return { row: row!, timezone: found.client.timezone };
  });
}
