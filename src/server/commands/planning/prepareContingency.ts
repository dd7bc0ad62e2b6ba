import type { z } from 'zod';
import type { createContingencyBody } from '../../../shared/api/clientPlans.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { contingencies } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordPlanEvent } from '../../planning/planEvent.ts';
import { checkTopicRefs } from '../../planning/topicInput.ts';
import { author, type ContingencyRow, lockClientPlan } from './clientPlanScope.ts';

/** Prepare a "what if" situational post for a client's plan, ready to activate. */
export function prepareContingency(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  planId: string,
  input: z.output<typeof createContingencyBody>,
): Promise<ContingencyRow> {
  return transact(ctx, async (tx) => {
    const { found, plan } = await lockClientPlan(tx, actor, planId);
    await checkTopicRefs(tx, found.client.id, { channelId: input.channelId, format: input.format });
    const [row] = await tx
      .insert(contingencies)
      .values({ ...input, planId: plan.id, ...author(actor) })
      .returning();
    await recordPlanEvent(
      tx,
      actor,
      found,
      'contingency.created',
      { type: 'contingency', id: row!.id },
      { planTitle: plan.title },
    );
    return row!;
  });
}
