import type { z } from 'zod';
import type { moveStageBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';
import { type CycleInClient, loadCycleForChange } from '../../planning/load.ts';
import { moveCycleStage } from '../../planning/moveCycleStage.ts';
import { canAdvanceCycle } from '../../policies/plan.ts';

/** Move a cycle to the next stage (after its checks) or back one. */
export function moveCycleToStage(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  cycleId: string,
  input: z.output<typeof moveStageBody>,
): Promise<CycleInClient> {
  return transact(ctx, async (tx) => {
    const found = await loadCycleForChange(tx, actor, cycleId, canAdvanceCycle);
    return { cycle: await moveCycleStage(tx, actor, found, input.to, input.version), client: found.client };
  });
}
