import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { staleVersion } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { type CycleInClient, loadCycleForChange } from '../../planning/load.ts';
import { mailPlanShared, shareCycle } from '../../planning/shareCycle.ts';
import { canEditPlan } from '../../policies/plan.ts';

/** Share the plan with the client's contacts and email them, once the share is committed. */
export async function sharePlan(
  ctx: Context,
  actor: Actor,
  cycleId: string,
  version: number,
): Promise<CycleInClient> {
  const { cycle, client, fresh } = await transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canEditPlan);
    // Sharing twice is not an error: the plan simply stays shared, nobody is emailed again.
    if (found.cycle.sharedAt) return { ...found, fresh: false };
    if (found.cycle.version !== version) throw staleVersion();
    return { cycle: await shareCycle(tx, actor, found), client: found.client, fresh: true };
  });
  if (fresh) await mailPlanShared(ctx, actor, client, cycle);
  return { cycle, client };
}
