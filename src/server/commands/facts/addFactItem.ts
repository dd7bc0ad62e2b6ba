import { eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { createFactItemBody } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factItems } from '../../db/schema/index.ts';
import { checkDueOn, defaultDueOn } from '../../facts/dueDates.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { loadFactRequest } from '../../facts/load.ts';
import { settleRequest } from '../../facts/settle.ts';
import { transact } from '../../live/transact.ts';
import { canEditFactRequest } from '../../policies/facts.ts';
import { checkItemRefs } from './itemRefs.ts';

/** One more thing to ask for, at the end of the request; a sent request settles again. */
export function addFactItem(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  requestId: string,
  input: z.output<typeof createFactItemBody>,
): Promise<typeof factItems.$inferSelect> {
  return transact(ctx, async (tx) => {
    const found = await loadFactRequest(tx, actor, requestId, canEditFactRequest);
    await checkItemRefs(tx, found, input);
    checkDueOn(found.client, input.dueOn);
    const [last] = await tx
      .select({ p: max(factItems.position) })
      .from(factItems)
      .where(eq(factItems.requestId, found.request.id));
    const [row] = await tx
      .insert(factItems)
      .values({
        ...input,
        requestId: found.request.id,
        source: 'manual',
        dueOn: input.dueOn ?? defaultDueOn(found),
        position: (last?.p ?? 0) + 1,
      })
      .returning();
    await recordFactEvent(tx, actor, found, 'fact_item.created', { itemId: row!.id });
    if (found.request.status !== 'draft') await settleRequest(tx, actor, found);
    return row!;
  });
}
