import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { factItems, factRequests } from '../db/schema/index.ts';
import { agencyManagers, notify } from '../notifications/notify.ts';
import { recordFactEvent } from './event.ts';
import type { RequestInCycle } from './load.ts';
import { contactsOf } from './mail.ts';

/**
 * After an item changes: the request is complete when every required item is accepted and
 * nothing waits for the agency or the client; a follow-up after that reopens it. Completion is
 * stamped once per completion, for the turnaround figures.
 */
export async function settleRequest(
  tx: Executor,
  actor: Actor,
  found: RequestInCycle,
): Promise<RequestInCycle> {
  const items = await tx
    .select({ status: factItems.status, required: factItems.required })
    .from(factItems)
    .where(eq(factItems.requestId, found.request.id));
  const done =
    items.length > 0 &&
    items.every((i) =>
      i.required ? i.status === 'accepted' : i.status === 'accepted' || i.status === 'open',
    );
  const { request } = found;
  if (done === (request.status === 'complete')) return found;
  const [row] = await tx
    .update(factRequests)
    .set(done ? { status: 'complete', completedAt: new Date() } : { status: 'sent', completedAt: null })
    .where(eq(factRequests.id, request.id))
    .returning();
  const settled = { ...found, request: row! };
  await recordFactEvent(tx, actor, settled, done ? 'fact_request.completed' : 'fact_request.reopened');
  if (done) {
    const people = [
      ...(await agencyManagers(tx, found.client.agencyId)),
      ...(await contactsOf(tx, found.client.id)).map((c) => c.id),
    ];
    await notify(tx, people, {
      kind: 'fact_request_complete',
      agencyId: found.client.agencyId,
      data: { clientName: found.client.name, month: found.cycle.month },
      link: `/facts/${request.id}`,
    });
  }
  return settled;
}
