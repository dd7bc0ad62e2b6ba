import { eq } from 'drizzle-orm';
import type { FactRequestFull } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../db/connect.ts';
import { factRequests } from '../../db/schema/index.ts';
import { AppError, staleVersion } from '../../errors.ts';
import { loadFactItemForChange } from '../../facts/load.ts';
import { canAnswerFactItem, canReviewFactItem, canTalkOnFactItem } from '../../policies/facts.ts';
import { presentFactRequest } from '../../presenters/facts.ts';

/** The item, locked, for someone who may talk about it (404 for a stranger, 403 for a draft). */
export const loadItem = (tx: Tx, actor: Actor, itemId: string) =>
  loadFactItemForChange(tx, actor, itemId, canTalkOnFactItem);
export type ItemInRequest = Awaited<ReturnType<typeof loadItem>>;

/**
 * The client side may change the answer (and its files) until the agency accepts it. A late
 * answer to an accepted item is told so in its own words (`fact_item_accepted`): the person
 * may have had the page open since before the agency accepted.
 */
export const answerable = (actor: Actor, f: ItemInRequest) => {
  if (canAnswerFactItem(actor, f.client, f.cycle, f.request, f.item)) return;
  const accepted = f.item.status === 'accepted';
  if (accepted && canAnswerFactItem(actor, f.client, f.cycle, f.request, { status: 'answered' })) {
    throw new AppError('fact_item_accepted');
  }
  throw new AppError('forbidden');
};
export const reviewable = (actor: Actor, f: ItemInRequest) => {
  if (!canReviewFactItem(actor, f.client, f.cycle, f.request)) throw new AppError('forbidden');
};
export const sameAnswer = (f: ItemInRequest, answerVersion: number) => {
  if (f.item.answerVersion !== answerVersion) throw staleVersion();
};
export const sameReview = (f: ItemInRequest, reviewVersion: number) => {
  if (f.item.reviewVersion !== reviewVersion) throw staleVersion();
};

/** The whole request as it reads inside this transaction, after the change. */
export async function reload(tx: Tx, actor: Actor, f: ItemInRequest): Promise<FactRequestFull> {
  const [request] = await tx.select().from(factRequests).where(eq(factRequests.id, f.request.id));
  return presentFactRequest(tx, actor, { ...f, request: request! });
}
