import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FactRequestFull, followUpBody } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { WorkContext } from '../../context.ts';
import { factItems, factMessages } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { followUpDueOn } from '../../facts/dueDates.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { contactsOf, deliverAll, keepFollowUpMail } from '../../facts/mail.ts';
import { settleRequest } from '../../facts/settle.ts';
import { transact } from '../../live/transact.ts';
import { notify } from '../../notifications/notify.ts';
import { loadItem, reload, reviewable, sameReview } from './answerScope.ts';

/**
 * Ask a follow-up question: the item goes back to the client, who is told in the app and by mail,
 * with a due date that has not passed (`followUpDueOn`), which the reminders then follow.
 */
export async function askFactFollowUp(
  ctx: WorkContext,
  actor: Actor,
  itemId: string,
  input: z.output<typeof followUpBody>,
): Promise<FactRequestFull> {
  const { presented, mails } = await transact(ctx, async (tx) => {
    let f = await loadItem(tx, actor, itemId);
    reviewable(actor, f);
    sameReview(f, input.reviewVersion);
    if (!f.item.answer) {
      throw new AppError('conflict', {
        message: 'There is no answer to follow up yet; write in the thread instead.',
      });
    }
    const dueOn = await followUpDueOn(f.client, f.item, input.dueOn);
    await tx.insert(factMessages).values({
      itemId: f.item.id,
      authorId: actor.user.id,
      side: 'agency',
      body: input.body,
      followUp: true,
    });
    await tx
      .update(factItems)
      .set({
        status: 'follow_up',
        acceptedBy: null,
        acceptedAt: null,
        answerVersion: f.item.answerVersion + 1,
        reviewVersion: f.item.reviewVersion + 1,
        // A new due date is a change of the question's terms: an open edit form of it is stale.
        ...(dueOn ? { dueOn, version: f.item.version + 1 } : {}),
      })
      .where(eq(factItems.id, f.item.id));
    await recordFactEvent(tx, actor, f, 'fact_item.follow_up', {
      itemId: f.item.id,
      question: f.item.question,
    });
    await notify(
      tx,
      (await contactsOf(tx, f.client.id)).map((c) => c.id),
      {
        kind: 'fact_follow_up',
        agencyId: f.client.agencyId,
        data: { clientName: f.client.name, month: f.cycle.month, question: f.item.question },
        // The bell, like the email, opens the request at the item asked about.
        link: `/facts/${f.request.id}#item-${f.item.id}`,
      },
    );
    const mails = await keepFollowUpMail(tx, ctx, actor, f, {
      itemId: f.item.id,
      question: f.item.question,
      followUp: input.body,
      due: dueOn ?? f.item.dueOn,
    });
    f = { ...f, ...(await settleRequest(tx, actor, f)) };
    return { presented: await reload(tx, actor, f), mails };
  });
  await deliverAll(ctx, mails);
  return presented;
}
