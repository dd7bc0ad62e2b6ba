import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { invitations } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canManageContacts } from '../../policies/contact.ts';
import { canManageMembers } from '../../policies/member.ts';
import { loadClientForChange } from '../../tenancy.ts';

/** An invitation of the actor's agency that they may manage, locked; 404 for anyone else's. */
export async function loadManagedInvitation(tx: Executor, actor: Actor, invitationId: string) {
  if (!actor.agency) throw notFound();
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.agencyId, actor.agency.id)))
    .for('update');
  if (!row) throw notFound();
  if (row.clientId) await loadClientForChange(tx, actor, row.clientId, canManageContacts);
  else if (!canManageMembers(actor)) throw forbidden();
  return row;
}
