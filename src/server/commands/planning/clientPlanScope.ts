import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { clientPlans, contingencies } from '../../db/schema/index.ts';
import { notFound, staleVersion } from '../../errors.ts';
import { loadCycleForChange } from '../../planning/load.ts';
import { canEditClientPlans } from '../../policies/plan.ts';

export type ClientPlanRow = typeof clientPlans.$inferSelect;
export type ContingencyRow = typeof contingencies.$inferSelect;

/** A client plan's cycle, checked for a change (404 out of reach, 403 not allowed), and the plan, locked. */
export async function lockClientPlan(tx: Executor, actor: Actor, planId: string, version?: number) {
  const [scope] = await tx
    .select({ cycleId: clientPlans.cycleId })
    .from(clientPlans)
    .where(eq(clientPlans.id, planId));
  if (!scope) throw notFound();
  const found = await loadCycleForChange(tx, actor, scope.cycleId, canEditClientPlans);
  const [plan] = await tx.select().from(clientPlans).where(eq(clientPlans.id, planId)).for('update');
  if (!plan) throw notFound();
  if (version !== undefined && plan.version !== version) throw staleVersion();
  return { found, plan };
}

export async function lockContingency(tx: Executor, actor: Actor, id: string, version?: number) {
  const [row] = await tx
    .select({ planId: contingencies.planId })
    .from(contingencies)
    .where(eq(contingencies.id, id));
  if (!row) throw notFound();
  const { found, plan } = await lockClientPlan(tx, actor, row.planId);
  const [current] = await tx.select().from(contingencies).where(eq(contingencies.id, id)).for('update');
  if (!current) throw notFound();
  if (version !== undefined && current.version !== version) throw staleVersion();
  return { found, plan, current };
}

export const author = (actor: Actor) => ({ authorId: actor.user.id, authorName: actor.user.name });
