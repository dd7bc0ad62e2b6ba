import { count, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Executor, Tx } from '../../db/connect.ts';
import { factFiles, factItems } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { answerable, type ItemInRequest, loadItem } from './answerScope.ts';

/** Enough for a photo shoot, few enough that one item stays reviewable. */
export const MAX_FILES_PER_ITEM = 30;

/** The item, locked, if the actor may add or remove its files (404 for a stranger). */
export async function loadForFiles(tx: Tx, actor: Actor, itemId: string): Promise<ItemInRequest> {
  const found = await loadItem(tx, actor, itemId);
  answerable(actor, found);
  return found;
}

/** Files go to items that ask for files, up to a number a reviewer can still look through. */
export async function checkRoom(tx: Executor, item: typeof factItems.$inferSelect) {
  if (item.kind !== 'files') {
    throw new AppError('validation_failed', { fields: { file: 'This item asks for an answer, not files.' } });
  }
  const [held] = await tx.select({ n: count() }).from(factFiles).where(eq(factFiles.itemId, item.id));
  if ((held?.n ?? 0) >= MAX_FILES_PER_ITEM) throw new AppError('too_many_files');
}

/**
 * A change of a submitted answer's files: both the answerer's and the reviewer's versions move,
 * and the answer reads as given now, by this person (the reviewer sees it changed).
 */
export const touchAnswer = (tx: Executor, item: typeof factItems.$inferSelect, actor: Actor) =>
  tx
    .update(factItems)
    .set({
      answerVersion: item.answerVersion + 1,
      reviewVersion: item.reviewVersion + 1,
      answeredBy: actor.user.id,
      answeredAt: new Date(),
      ...(item.status === 'follow_up' ? {} : { status: 'answered' as const }),
    })
    .where(eq(factItems.id, item.id));
