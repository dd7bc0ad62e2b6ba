import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateContingencyBody } from '../../../shared/api/clientPlans.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { contingencies } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { checkTopicRefs, refsAfterChange } from '../../planning/topicInput.ts';
import { type ContingencyRow, lockContingency } from './clientPlanScope.ts';

/** Change a prepared contingency (a stale version answers 409). */
export function changeContingency(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  contingencyId: string,
  input: z.output<typeof updateContingencyBody>,
): Promise<ContingencyRow> {
  return transact(ctx, async (tx) => {
    const { found, current } = await lockContingency(tx, actor, contingencyId, input.version);
    const { version, ...changes } = input;
    await checkTopicRefs(tx, found.client.id, refsAfterChange(current, changes));
    const [row] = await tx
      .update(contingencies)
      .set({ ...changes, version: version + 1 })
      .where(eq(contingencies.id, current.id))
      .returning();
    await recordPlanEvent(tx, actor, found, 'contingency.updated', {
      type: 'contingency',
      id: current.id,
    });
    return row!;
  });
}
