import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateClientPlanBody } from '../../../shared/api/clientPlans.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { clientPlans, contingencies } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { type ClientPlanRow, type ContingencyRow, lockClientPlan } from './clientPlanScope.ts';

/** Change a client's plan (a stale version answers 409); returns it with its contingencies. */
export function changeClientPlan(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  planId: string,
  input: z.output<typeof updateClientPlanBody>,
): Promise<{ plan: ClientPlanRow; contingencies: ContingencyRow[] }> {
  return transact(ctx, async (tx) => {
    const { found, plan } = await lockClientPlan(tx, actor, planId, input.version);
    const { version, ...changes } = input;
    const [row] = await tx
      .update(clientPlans)
      .set({ ...changes, version: version + 1 })
      .where(eq(clientPlans.id, plan.id))
      .returning();
    await recordPlanEvent(
      tx,
      actor,
      found,
      'client_plan.updated',
      { type: 'client_plan', id: plan.id },
      { title: row!.title },
    );
    return {
      plan: row!,
      contingencies: await tx.select().from(contingencies).where(eq(contingencies.planId, plan.id)),
    };
  });
}
