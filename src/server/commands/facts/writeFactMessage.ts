import { eq } from 'drizzle-orm';
import type { FactRequestFull } from '../../../shared/api/facts.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { factItems, factMessages } from '../../db/schema/index.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { contactsOf } from '../../facts/mail.ts';
import { settleRequest } from '../../facts/settle.ts';
import { transact } from '../../live/transact.ts';
import { agencyManagers, notify } from '../../notifications/notify.ts';
import { agencyRoleIn } from '../../policies/agency.ts';
import { loadItem, reload } from './answerScope.ts';

/** Write in an item's thread (either side); the other side is told. */
export function writeFactMessage(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  itemId: string,
  body: string,
): Promise<FactRequestFull> {
  return transact(ctx, async (tx) => {
    const f = await loadItem(tx, actor, itemId);
    const side = agencyRoleIn(actor, f.client.agencyId) ? 'agency' : 'client';
    await tx.insert(factMessages).values({ itemId: f.item.id, authorId: actor.user.id, side, body });
    // The client's reply to a follow-up answers it: the item is the agency's to review again.
    if (side === 'client' && f.item.status === 'follow_up' && f.item.answer) {
      await tx
        .update(factItems)
        .set({
          status: 'answered',
          answerVersion: f.item.answerVersion + 1,
          reviewVersion: f.item.reviewVersion + 1,
        })
        .where(eq(factItems.id, f.item.id));
      await settleRequest(tx, actor, f);
    }
    await recordFactEvent(tx, actor, f, 'fact_item.message', { itemId: f.item.id, side });
    const people =
      side === 'client'
        ? await agencyManagers(tx, f.client.agencyId)
        : (await contactsOf(tx, f.client.id)).map((c) => c.id);
    await notify(
      tx,
      people.filter((id) => id !== actor.user.id),
      {
        kind: 'fact_message',
        agencyId: f.client.agencyId,
        data: {
          clientName: f.client.name,
          month: f.cycle.month,
          by: actor.user.name,
          question: f.item.question,
        },
        link: `/facts/${f.request.id}`,
        foldKey: f.item.id,
      },
    );
    return reload(tx, actor, f);
  });
}
