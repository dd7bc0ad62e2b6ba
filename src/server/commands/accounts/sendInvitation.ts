import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { createInvitationBody } from '../../../shared/api/members.ts';
import type { Actor } from '../../auth/actor.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Context } from '../../context.ts';
import type { Executor } from '../../db/connect.ts';
import { agencyMembers, clientMembers, invitations, users } from '../../db/schema/index.ts';
import { AppError, forbidden } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { transact } from '../../live/transact.ts';
import { invitationEmail } from '../../mail/templates.ts';
import { canManageContacts } from '../../policies/contact.ts';
import { canManageMembers } from '../../policies/member.ts';
import { loadClientForChange } from '../../tenancy.ts';

export const INVITATION_DAYS = 7;

type Input = z.infer<typeof createInvitationBody>;

async function assertNotMemberYet(tx: Executor, input: Input, agencyId: string) {
  const [user] = await tx.select().from(users).where(eq(users.email, input.email)).limit(1);
  if (!user) return;
  if (input.clientId) {
    const [contact] = await tx
      .select()
      .from(clientMembers)
      .where(and(eq(clientMembers.clientId, input.clientId), eq(clientMembers.userId, user.id)));
    if (contact)
      throw new AppError('already_member', { fields: { email: 'Already a contact of this client.' } });
    return;
  }
  const [member] = await tx.select().from(agencyMembers).where(eq(agencyMembers.userId, user.id));
  if (member?.agencyId === agencyId)
    throw new AppError('already_member', { fields: { email: 'Already a member of this agency.' } });
  if (member)
    throw new AppError('other_agency', {
      fields: { email: 'This person works for another agency in Plit.' },
    });
}

/**
 * Invite an agency member (owners) or a client contact (owners and content managers).
 * A newer invitation to the same person and place replaces an unanswered older one.
 */
export async function sendInvitation(ctx: Context, actor: Actor, input: Input) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const { row, clientName, agency } = await transact(ctx, async (tx) => {
    if (!actor.agency) throw forbidden();
    let clientName: string | null = null;
    if (input.clientId) {
      const client = await loadClientForChange(tx, actor, input.clientId, canManageContacts);
      clientName = client.name;
    } else if (!canManageMembers(actor)) {
      throw forbidden();
    }
    const agency = actor.agency;
    await assertNotMemberYet(tx, input, agency.id);
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.agencyId, agency.id),
          eq(invitations.email, input.email),
          input.clientId ? eq(invitations.clientId, input.clientId) : isNull(invitations.clientId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        agencyId: agency.id,
        clientId: input.clientId ?? null,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: actor.user.id,
        expiresAt,
      })
      .returning();
    await recordEvent(tx, actor.user, {
      agencyId: agency.id,
      clientId: input.clientId ?? null,
      type: input.clientId ? 'contact.invited' : 'member.invited',
      subjectType: 'invitation',
      subjectId: row!.id,
      data: { email: input.email, role: input.role },
    });
    return { row: row!, clientName, agency };
  });
  await mailInvitation(ctx, actor, row, token, { clientName, agencyName: agency.name });
  return { row, clientName };
}

export async function mailInvitation(
  ctx: Context,
  actor: Actor,
  row: typeof invitations.$inferSelect,
  token: string,
  names: { clientName: string | null; agencyName: string },
) {
  const email = invitationEmail({
    link: `${ctx.env.publicUrl}/invite/${token}`,
    inviterName: actor.user.name,
    agencyName: names.agencyName,
    clientName: names.clientName,
    role: row.role,
    expiresAt: row.expiresAt,
  });
  await ctx.mailer.send({ ...email, to: row.email, agencyId: row.agencyId });
}
