import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Context } from '../../context.ts';
import { invitations } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { canCopyInvitationLink } from '../../policies/invitation.ts';
import { loadManagedInvitation } from './managedInvitation.ts';
import { INVITATION_DAYS } from './sendInvitation.ts';

/**
 * The link of a pending invitation, for its sender to pass on (a server without SMTP, or an
 * email that never arrived). Only the hash of a secret is stored, so the secret is issued
 * afresh: the emailed link stops working, and there is still one valid link per invitation.
 */
export async function copyInvitationLink(
  ctx: Pick<Context, 'db' | 'env' | 'live' | 'log'>,
  actor: Actor,
  invitationId: string,
) {
  const token = newToken();
  const row = await transact(ctx, async (tx) => {
    const current = await loadManagedInvitation(tx, actor, invitationId);
    if (current.acceptedAt || current.revokedAt) throw notFound();
    if (!canCopyInvitationLink(actor, current)) throw forbidden();
    const [row] = await tx
      .update(invitations)
      .set({
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        linkCopiedBy: actor.user.id,
      })
      .where(eq(invitations.id, current.id))
      .returning();
    return row!;
  });
  return { row, link: `${ctx.env.publicUrl}/invite/${token}` };
}
