import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factFiles, factItems } from '../../db/schema/index.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { loadFactItemForChange } from '../../facts/load.ts';
import { settleRequest } from '../../facts/settle.ts';
import { transact } from '../../live/transact.ts';
import { canEditFactRequest } from '../../policies/facts.ts';

/** Stop asking for something: the item goes, with its answer, thread and files. */
export async function removeFactItem(
  ctx: Pick<Context, 'db' | 'live' | 'log' | 'files'>,
  actor: Actor,
  itemId: string,
): Promise<void> {
  const keys = await transact(ctx, async (tx) => {
    const found = await loadFactItemForChange(tx, actor, itemId, canEditFactRequest);
    const files = await tx
      .select({ key: factFiles.storageKey })
      .from(factFiles)
      .where(eq(factFiles.itemId, found.item.id));
    await tx.delete(factItems).where(eq(factItems.id, found.item.id));
    await recordFactEvent(tx, actor, found, 'fact_item.deleted', { itemId: found.item.id });
    if (found.request.status !== 'draft') await settleRequest(tx, actor, found);
    return files.map((f) => f.key);
  });
  // The item's files go with it, once its removal has committed.
  for (const key of keys) await ctx.files.remove(key);
}
