import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateFactItemBody } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factItems } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { checkDueOn } from '../../facts/dueDates.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { loadFactItemForChange } from '../../facts/load.ts';
import { settleRequest } from '../../facts/settle.ts';
import { transact } from '../../live/transact.ts';
import { canEditFactRequest } from '../../policies/facts.ts';
import { checkItemRefs } from './itemRefs.ts';

/** Change what an item asks, its kind, due date or contact, at the version the editor saw. */
export function editFactItem(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  itemId: string,
  input: z.output<typeof updateFactItemBody>,
): Promise<typeof factItems.$inferSelect> {
  return transact(ctx, async (tx) => {
    const { version, ...changes } = input;
    const found = await loadFactItemForChange(tx, actor, itemId, canEditFactRequest, version);
    await checkItemRefs(tx, found, changes);
    if (changes.dueOn !== found.item.dueOn) checkDueOn(found.client, changes.dueOn);
    const kind = changes.kind ?? found.item.kind;
    const choices = changes.choices ?? found.item.choices;
    const reshaped =
      kind !== found.item.kind || JSON.stringify(choices) !== JSON.stringify(found.item.choices);
    if (reshaped && (found.item.answer || found.item.draft)) {
      // An answer of one kind does not become an answer of another: ask a new item instead.
      throw new AppError('conflict', {
        message: 'This item has an answer already; its kind and choices stay. Add a new item instead.',
      });
    }
    if (kind === 'choice' && choices.length < 2) {
      throw new AppError('validation_failed', { fields: { choices: 'Give at least two choices' } });
    }
    const [row] = await tx
      .update(factItems)
      .set({ ...changes, version: version + 1 })
      .where(eq(factItems.id, found.item.id))
      .returning();
    await recordFactEvent(tx, actor, found, 'fact_item.updated', { itemId: found.item.id });
    // Making an item optional (or required) can complete (or reopen) the request.
    if (found.request.status !== 'draft') await settleRequest(tx, actor, found);
    return row!;
  });
}
