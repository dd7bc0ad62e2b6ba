import { count, eq } from 'drizzle-orm';
import type { FactRequestFull } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factFiles, factItems, factRequests } from '../../db/schema/index.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { loadFactFile } from '../../facts/load.ts';
import { settleRequest } from '../../facts/settle.ts';
import { transact } from '../../live/transact.ts';
import { presentFactRequest } from '../../presenters/facts.ts';
import { loadForFiles, touchAnswer } from './fileScope.ts';

/** Remove a file from an answer that is not accepted yet; its bytes go once that has committed. */
export async function removeFactFile(
  ctx: Pick<Context, 'db' | 'live' | 'log' | 'files'>,
  actor: Actor,
  fileId: string,
): Promise<FactRequestFull> {
  const { presented, key } = await transact(ctx, async (tx) => {
    const { file } = await loadFactFile(tx, actor, fileId);
    const found = await loadForFiles(tx, actor, file.itemId);
    await tx.delete(factFiles).where(eq(factFiles.id, file.id));
    const [left] = await tx.select({ n: count() }).from(factFiles).where(eq(factFiles.itemId, file.itemId));
    // A files answer with no files left is no answer: the item is open again.
    if (
      (left?.n ?? 0) === 0 &&
      found.item.answer &&
      (found.item.answer as { kind: string }).kind === 'files'
    ) {
      await tx
        .update(factItems)
        .set({
          status: 'open',
          answer: null,
          answeredBy: null,
          answeredAt: null,
          answerVersion: found.item.answerVersion + 1,
          reviewVersion: found.item.reviewVersion + 1,
        })
        .where(eq(factItems.id, file.itemId));
    } else if (found.item.answer) {
      await touchAnswer(tx, found.item, actor);
    }
    await recordFactEvent(tx, actor, found, 'fact_file.removed', {
      itemId: file.itemId,
      name: file.name,
    });
    const settled = await settleRequest(tx, actor, found);
    const [requestRow] = await tx.select().from(factRequests).where(eq(factRequests.id, settled.request.id));
    return {
      presented: await presentFactRequest(tx, actor, { ...found, request: requestRow! }),
      key: file.storageKey,
    };
  });
  // After the commit: a rollback must not leave a row pointing at a removed file.
  await ctx.files.remove(key);
  return presented;
}
