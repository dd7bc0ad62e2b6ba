import { eq } from 'drizzle-orm';
import type { FactRequestFull } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factItems } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { settleRequest } from '../../facts/settle.ts';
import { transact } from '../../live/transact.ts';
import { loadItem, reload, reviewable, sameReview } from './answerScope.ts';

/** Accept the answer as it is: one thing fewer for the writer to wait for. Accepting twice is a no-op. */
export function acceptFactAnswer(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  itemId: string,
  reviewVersion: number,
): Promise<FactRequestFull> {
  return transact(ctx, async (tx) => {
    let f = await loadItem(tx, actor, itemId);
    reviewable(actor, f);
    sameReview(f, reviewVersion);
    if (!f.item.answer || f.item.status === 'open') {
      throw new AppError('conflict', { message: 'There is no answer to accept yet.' });
    }
    if (f.item.status === 'accepted') return reload(tx, actor, f);
    await tx
      .update(factItems)
      .set({
        status: 'accepted',
        acceptedBy: actor.user.id,
        acceptedAt: new Date(),
        answerVersion: f.item.answerVersion + 1,
        reviewVersion: f.item.reviewVersion + 1,
      })
      .where(eq(factItems.id, f.item.id));
    await recordFactEvent(tx, actor, f, 'fact_item.accepted', {
      itemId: f.item.id,
      question: f.item.question,
    });
    f = { ...f, ...(await settleRequest(tx, actor, f)) };
    return reload(tx, actor, f);
  });
}
