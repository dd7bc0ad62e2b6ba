import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cadenceRule, putCadenceBody, slot } from '../../shared/api/planning.ts';
import { daysOfMonth, localParts, zonedInstant } from '../../shared/time.ts';
import type { RouteModule } from '../context.ts';
import { cadenceRules, cycles, slots } from '../db/schema/index.ts';
import { staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { loadCycleForChange } from '../planning/load.ts';
import { recordPlanEvent } from '../planning/planEvent.ts';
import { checkSlotPlace } from '../planning/slotInput.ts';
import { requireActor } from '../plugins/auth.ts';
import { canEditPlan } from '../policies/plan.ts';
import { presentCadenceRule, presentSlot } from '../presenters/plan.ts';

const tags = ['schedule'];
const params = z.object({ cycleId: z.uuid() });

export const cadenceRoutes: RouteModule = (app, ctx) => {
  app.put(
    '/api/cycles/:cycleId/cadence',
    {
      schema: {
        tags,
        summary: "Replace the cycle's cadence rules (e.g. Instagram post Mon/Wed/Fri 10:00)",
        params,
        body: putCadenceBody,
        response: { 200: z.object({ cadence: z.array(cadenceRule) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await transact(ctx, async (tx) => {
        const found = await loadCycleForChange(tx, actor, request.params.cycleId, canEditPlan);
        if (found.cycle.version !== request.body.version) throw staleVersion();
        await tx
          .update(cycles)
          .set({ version: found.cycle.version + 1 })
          .where(eq(cycles.id, found.cycle.id));
        const firstDay = `${found.cycle.month}-01`;
        // Each rule must describe slots the schedule could hold (channel, format, rubric of this client).
        for (const rule of request.body.rules) {
          await checkSlotPlace(tx, found, { ...rule, date: firstDay });
        }
        await tx.delete(cadenceRules).where(eq(cadenceRules.cycleId, found.cycle.id));
        const rows = request.body.rules.length
          ? await tx
              .insert(cadenceRules)
              .values(
                request.body.rules.map((r) => ({
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
      return { cadence: rows.map(presentCadenceRule) };
    },
  );

  app.post(
    '/api/cycles/:cycleId/cadence/apply',
    {
      schema: {
        tags,
        summary: 'Fill the month with empty slots from the cadence, never duplicating an existing slot',
        params,
        response: { 200: z.object({ created: z.int(), slots: z.array(slot) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { created, tz } = await transact(ctx, async (tx) => {
        const found = await loadCycleForChange(tx, actor, request.params.cycleId, canEditPlan);
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
        return { created, tz };
      });
      return { created: created.length, slots: created.map((s) => presentSlot(s, tz)) };
    },
  );
};
