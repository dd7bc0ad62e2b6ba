import { and, eq } from 'drizzle-orm';
import type { ClientRole } from '../../../shared/roles.ts';
import type { Actor } from '../../auth/actor.ts';
import { type ContactRow, findContact } from '../../clients/queries.ts';
import type { Context } from '../../context.ts';
import { clientMembers } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canManageContacts } from '../../policies/contact.ts';
import { loadClientForChange } from '../../tenancy.ts';

/** Make a client's contact an approver or a contributor. */
export function changeContactRole(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  userId: string,
  role: ClientRole,
): Promise<ContactRow> {
  return transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canManageContacts);
    const before = await findContact(tx, client.id, userId);
    if (before.role === role) return before;
    await tx
      .update(clientMembers)
      .set({ role })
      .where(and(eq(clientMembers.clientId, client.id), eq(clientMembers.userId, before.userId)));
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'contact.role_changed',
      subjectType: 'user',
      subjectId: before.userId,
      data: { name: before.name, from: before.role, to: role },
    });
    return { ...before, role };
  });
}
