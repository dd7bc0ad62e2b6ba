import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { invitations } from '../../db/schema/index.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { loadManagedInvitation } from './managedInvitation.ts';

/** Revoke an invitation: its link stops working. One already answered or revoked stays as it is. */
export async function revokeInvitation(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  invitationId: string,
): Promise<void> {
  await transact(ctx, async (tx) => {
    const current = await loadManagedInvitation(tx, actor, invitationId);
    if (current.acceptedAt || current.revokedAt) return;
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, current.id), isNull(invitations.acceptedAt)));
    await recordEvent(tx, actor.user, {
      agencyId: current.agencyId,
      clientId: current.clientId,
      type: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: current.id,
      data: { email: current.email },
    });
  });
}
