import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { slots } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { cadencePlanOf } from '../../planning/cadencePlan.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { canEditPlan } from '../../policies/plan.ts';
import type { SlotRow } from './slotScope.ts';

/**
 * Fill the month with empty slots from the cadence in one transaction: exactly the slots the
 * preview shows as created (the same `planCadence`), never a second slot at a time its channel
 * already has. The answer's slot ids are what `undoCadence` takes back.
 */
export function applyCadence(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
): Promise<{ created: SlotRow[]; skipped: number; timezone: string }> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canEditPlan);
    const plan = await cadencePlanOf(tx, found);
    const wanted = plan
      .filter((s) => s.skipped === null)
      .map((s) => ({
        cycleId: found.cycle.id,
        startsAt: s.startsAt,
        channelId: s.channelId,
        format: s.format,
        rubricId: s.rubricId,
      }));
    const created = wanted.length ? await tx.insert(slots).values(wanted).returning() : [];
    if (created.length) {
      await recordPlanEvent(
        tx,
        actor,
        found,
        'cadence.applied',
        { type: 'cycle', id: found.cycle.id },
        { created: created.length },
      );
    }
    return { created, skipped: plan.length - wanted.length, timezone: found.client.timezone };
  });
}
