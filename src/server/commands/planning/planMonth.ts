import type { z } from 'zod';
import type { startCycleBody } from '../../../shared/api/planning.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';
import type { CycleInClient } from '../../planning/load.ts';
import { startCycle } from '../../planning/startCycle.ts';
import { canStartCycle } from '../../policies/plan.ts';
import { loadClientForChange } from '../../tenancy.ts';

/** Start planning a month for a client ("Plan December 2026"); a month planned already answers 409. */
export function planMonth(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  input: z.output<typeof startCycleBody>,
): Promise<CycleInClient> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canStartCycle);
    return { cycle: await startCycle(tx, actor, client, input), client };
  });
}
