import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { WorkContext } from '../../context.ts';
import { factItems, factRequests } from '../../db/schema/index.ts';
import { AppError, staleVersion } from '../../errors.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { loadFactRequest } from '../../facts/load.ts';
import { contactsOf, deliverAll, keepFactRequestMail } from '../../facts/mail.ts';
import { transact } from '../../live/transact.ts';
import { notify } from '../../notifications/notify.ts';
import { todayIn } from '../../planning/cycleRules.ts';
import { moveCycleStage } from '../../planning/moveCycleStage.ts';
import { canSendFactRequest } from '../../policies/facts.ts';

/**
 * Send the request to the client's contacts: the facts stage is theirs now. They are told in
 * the app and by mail, each with a link that signs them in.
 */
export async function sendFactRequest(
  ctx: WorkContext,
  actor: Actor,
  requestId: string,
  version: number,
): Promise<void> {
  const found = await transact(ctx, async (tx) => {
    const found = await loadFactRequest(tx, actor, requestId, canSendFactRequest);
    if (found.request.version !== version) throw staleVersion();
    const items = await tx
      .select({ dueOn: factItems.dueOn })
      .from(factItems)
      .where(eq(factItems.requestId, found.request.id));
    if (items.length === 0) {
      throw new AppError('conflict', { message: 'Add at least one item before sending the request.' });
    }
    // A request is not sent overdue: the client would be reminded of it the next morning.
    const today = todayIn(found.client.timezone);
    const late = items.filter((i) => i.dueOn !== null && i.dueOn < today).length;
    if (late > 0) {
      throw new AppError('validation_failed', {
        message: `${late} item(s) are due before today. Move their due dates, then send.`,
        fields: { dueOn: `${late} item(s) are due before today.` },
      });
    }
    const [row] = await tx
      .update(factRequests)
      .set({ status: 'sent', sentAt: new Date(), version: found.request.version + 1 })
      .where(eq(factRequests.id, found.request.id))
      .returning();
    // A cycle still in its meeting stage (the request drafted by hand) moves on to facts too.
    const cycle =
      found.cycle.stage === 'meeting'
        ? await moveCycleStage(tx, actor, found, 'facts', found.cycle.version)
        : found.cycle;
    const sent = { ...found, cycle, request: row! };
    await recordFactEvent(tx, actor, sent, 'fact_request.sent');
    const contacts = await contactsOf(tx, found.client.id);
    await notify(
      tx,
      contacts.map((c) => c.id),
      {
        kind: 'fact_request_sent',
        agencyId: found.client.agencyId,
        data: {
          clientName: found.client.name,
          month: found.cycle.month,
          agencyName: actor.agency?.name ?? '',
        },
        link: `/facts/${found.request.id}`,
      },
    );
    return { mails: await keepFactRequestMail(tx, ctx, actor, sent) };
  });
  await deliverAll(ctx, found.mails);
}
