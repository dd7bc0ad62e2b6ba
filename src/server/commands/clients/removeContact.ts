import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import { endAccess } from '../../auth/endAccess.ts';
import { findContact } from '../../clients/queries.ts';
import type { Context } from '../../context.ts';
import { clientMembers } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { canManageContacts } from '../../policies/contact.ts';
import { loadClientForChange } from '../../tenancy.ts';

/**
 * Take a contact's access to this client away. Their emailed links go too (the agency's outbox
 * may have shown them) and their sockets close, but not their sessions: they may work with
 * other clients, and a session holds no client's access of its own.
 */
export async function removeContact(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  clientId: string,
  userId: string,
): Promise<void> {
  const sockets = await transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canManageContacts);
    const before = await findContact(tx, client.id, userId);
    await tx
      .delete(clientMembers)
      .where(and(eq(clientMembers.clientId, client.id), eq(clientMembers.userId, before.userId)));
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'contact.removed',
      subjectType: 'user',
      subjectId: before.userId,
      data: { name: before.name },
    });
    return endAccess(tx, { userId: before.userId, keepSessions: true });
  });
  // Their open sockets may still be in this client's rooms or documents: close them.
  await ctx.live.drop(sockets);
}
