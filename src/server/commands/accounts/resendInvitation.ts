import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Context } from '../../context.ts';
import { clients, invitations } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { loadManagedInvitation } from './managedInvitation.ts';
import { INVITATION_DAYS, mailInvitation } from './sendInvitation.ts';

/** Send a pending invitation again with a fresh link; the old link stops working. */
export async function resendInvitation(ctx: Context, actor: Actor, invitationId: string) {
  const token = newToken();
  const { row, clientName } = await transact(ctx, async (tx) => {
    const current = await loadManagedInvitation(tx, actor, invitationId);
    if (current.acceptedAt || current.revokedAt) throw notFound();
    const [row] = await tx
      .update(invitations)
      .set({
        tokenHash: hashToken(token),
        linkCopiedBy: null,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .where(eq(invitations.id, current.id))
      .returning();
    const [client] = current.clientId
      ? await tx.select({ name: clients.name }).from(clients).where(eq(clients.id, current.clientId))
      : [];
    return { row: row!, clientName: client?.name ?? null };
  });
  await mailInvitation(ctx, actor, row, token, { clientName, agencyName: actor.agency!.name });
  return row;
}
