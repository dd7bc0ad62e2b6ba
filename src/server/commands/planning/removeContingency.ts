import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { contingencies } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { lockContingency } from './clientPlanScope.ts';

/** Remove a prepared contingency. */
export function removeContingency(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  contingencyId: string,
) {
  return transact(ctx, async (tx) => {
    const { found, current } = await lockContingency(tx, actor, contingencyId);
    await tx.delete(contingencies).where(eq(contingencies.id, current.id));
    await recordPlanEvent(tx, actor, found, 'contingency.deleted', {
      type: 'contingency',
      id: current.id,
    });
  });
}
