import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { clientPlans } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { lockClientPlan } from './clientPlanScope.ts';

/** Remove a client's plan and, with it, its contingencies. */
export function removeClientPlan(ctx: Pick<Context, 'db' | 'live' | 'log'>, actor: Actor, planId: string) {
  return transact(ctx, async (tx) => {
    const { found, plan } = await lockClientPlan(tx, actor, planId);
    await tx.delete(clientPlans).where(eq(clientPlans.id, plan.id));
    await recordPlanEvent(
      tx,
      actor,
      found,
      'client_plan.deleted',
      { type: 'client_plan', id: plan.id },
      { title: plan.title },
    );
  });
}
