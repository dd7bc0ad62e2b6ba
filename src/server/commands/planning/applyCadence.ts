import { asc, eq } from 'drizzle-orm';
import { daysOfMonth, localParts, zonedInstant } from '../../../shared/time.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { cadenceRules, slots } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { canEditPlan } from '../../policies/plan.ts';
import type { SlotRow } from './slotScope.ts';

/** Fill the month with empty slots from the cadence, never duplicating an existing slot. */
export function applyCadence(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
): Promise<{ created: SlotRow[]; timezone: string }> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canEditPlan);
    const tz = found.client.timezone;
    const rules = await tx
      .select()
      .from(cadenceRules)
      .where(eq(cadenceRules.cycleId, found.cycle.id))
      .orderBy(asc(cadenceRules.createdAt));
    const existing = await tx.select().from(slots).where(eq(slots.cycleId, found.cycle.id));
    const taken = new Set(existing.map((s) => `${s.channelId}|${s.format}|${s.startsAt.toISOString()}`));
    const wanted: Array<typeof slots.$inferInsert> = [];
    for (const date of daysOfMonth(found.cycle.month)) {
      const weekday = localParts(zonedInstant(date, '12:00', tz), tz).weekday;
      for (const rule of rules) {
        if (!rule.weekdays.includes(weekday)) continue;
        const startsAt = zonedInstant(date, rule.time, tz);
        const key = `${rule.channelId}|${rule.format}|${startsAt.toISOString()}`;
        if (taken.has(key)) continue;
        taken.add(key);
        wanted.push({
          cycleId: found.cycle.id,
          startsAt,
          channelId: rule.channelId,
          format: rule.format,
          rubricId: rule.rubricId,
        });
      }
    }
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
    return { created, timezone: tz };
  });
}
