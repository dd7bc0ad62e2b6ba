import type { z } from 'zod';
import type { createClientPlanBody } from '../../../shared/api/clientPlans.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { clientPlans } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { canEditClientPlans } from '../../policies/plan.ts';
import { author, type ClientPlanRow } from './clientPlanScope.ts';

/** Note something the client expects this month (a launch, a sale, an event that may happen). */
export function addClientPlan(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof createClientPlanBody>,
): Promise<ClientPlanRow> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canEditClientPlans);
    const [row] = await tx
      .insert(clientPlans)
      .values({ ...input, cycleId: found.cycle.id, ...author(actor) })
      .returning();
    await recordPlanEvent(
      tx,
      actor,
      found,
      'client_plan.created',
      { type: 'client_plan', id: row!.id },
      { title: row!.title, likelihood: row!.likelihood },
    );
    return row!;
  });
}
