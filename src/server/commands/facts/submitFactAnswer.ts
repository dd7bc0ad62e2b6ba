import { count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FactRequestFull, submitAnswerBody } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factFiles, factItems, factRequests } from '../../db/schema/index.ts';
import { checkAnswer } from '../../facts/answerRules.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { settleRequest } from '../../facts/settle.ts';
import { transact } from '../../live/transact.ts';
import { agencyManagers, notify } from '../../notifications/notify.ts';
import { answerable, loadItem, reload, sameAnswer } from './answerScope.ts';

/** Submit the answer: the agency sees it now and reviews it; its managers are told. */
export function submitFactAnswer(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  itemId: string,
  input: z.output<typeof submitAnswerBody>,
): Promise<FactRequestFull> {
  return transact(ctx, async (tx) => {
    let f = await loadItem(tx, actor, itemId);
    answerable(actor, f);
    sameAnswer(f, input.answerVersion);
    const [files] = await tx.select({ n: count() }).from(factFiles).where(eq(factFiles.itemId, f.item.id));
    const answer = checkAnswer(f.item, input.answer, files?.n ?? 0);
    const now = new Date();
    await tx
      .update(factItems)
      .set({
        answer,
        answeredBy: actor.user.id,
        answeredAt: now,
        firstAnsweredAt: f.item.firstAnsweredAt ?? now,
        draft: null,
        draftBy: null,
        draftAt: null,
        status: 'answered',
        answerVersion: f.item.answerVersion + 1,
        reviewVersion: f.item.reviewVersion + 1,
      })
      .where(eq(factItems.id, f.item.id));
    if (!f.request.firstAnswerAt) {
      await tx.update(factRequests).set({ firstAnswerAt: now }).where(eq(factRequests.id, f.request.id));
    }
    await recordFactEvent(tx, actor, f, 'fact_item.answered', {
      itemId: f.item.id,
      question: f.item.question,
    });
    await notify(tx, await agencyManagers(tx, f.client.agencyId), {
      kind: 'fact_answered',
      agencyId: f.client.agencyId,
      data: { clientName: f.client.name, month: f.cycle.month, by: actor.user.name },
      link: `/facts/${f.request.id}`,
      foldKey: f.request.id,
    });
    f = await settleRequest(tx, actor, f).then((r) => ({ ...f, ...r }));
    return reload(tx, actor, f);
  });
}
