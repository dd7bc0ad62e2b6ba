import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connect.ts';
import { clientMembers, topics } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { RequestInCycle } from '../../facts/load.ts';

/** An item's topic must be in this month's plan, and its contact one of this client's. */
export async function checkItemRefs(
  tx: Executor,
  { cycle, client }: RequestInCycle,
  body: { topicId?: string | null; contactId?: string | null },
) {
  if (body.topicId) {
    const [t] = await tx
      .select({ id: topics.id })
      .from(topics)
      .where(and(eq(topics.id, body.topicId), eq(topics.cycleId, cycle.id)));
    if (!t) throw new AppError('validation_failed', { fields: { topicId: 'Not a topic of this month' } });
  }
  if (body.contactId) {
    const [c] = await tx
      .select({ id: clientMembers.userId })
      .from(clientMembers)
      .where(and(eq(clientMembers.userId, body.contactId), eq(clientMembers.clientId, client.id)));
    if (!c)
      throw new AppError('validation_failed', { fields: { contactId: 'Not a contact of this client' } });
  }
}
