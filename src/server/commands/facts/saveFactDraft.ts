import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SavedFactDraft, saveDraftBody } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { factItems } from '../../db/schema/index.ts';
import { checkDraftKind } from '../../facts/answerRules.ts';
import { answerable, loadItem, sameAnswer } from './answerScope.ts';

/** Keep what the client is typing (autosave); the agency does not see drafts. */
export function saveFactDraft(
  ctx: Pick<Context, 'db'>,
  actor: Actor,
  itemId: string,
  { answer, answerVersion }: z.output<typeof saveDraftBody>,
): Promise<SavedFactDraft> {
  // Drafts change with every pause in typing: no event, no history, just the latest text.
  return ctx.db.transaction(async (tx) => {
    const f = await loadItem(tx as Tx, actor, itemId);
    answerable(actor, f);
    sameAnswer(f, answerVersion);
    if (answer) checkDraftKind(f.item, answer);
    const now = answer ? new Date() : null;
    await tx
      .update(factItems)
      .set({
        draft: answer,
        draftBy: answer ? actor.user.id : null,
        draftAt: now,
        answerVersion: answerVersion + 1,
      })
      .where(eq(factItems.id, f.item.id));
    return { answerVersion: answerVersion + 1, draftAt: now?.toISOString() ?? null };
  });
}
