import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { acceptInvitationBody } from '../../../shared/api/members.ts';
import { type AgencyRole, agencyRoles, type ClientRole } from '../../../shared/roles.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { hashToken } from '../../auth/tokens.ts';
import type { Executor } from '../../db/connect.ts';
import {
  agencies,
  agencyMembers,
  clientMembers,
  clients,
  invitations,
  users,
} from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';

export const isAgencyRole = (role: string): role is AgencyRole =>
  (agencyRoles as readonly string[]).includes(role);

/** A pending invitation by its link secret, with what its holder needs to see. */
export async function findPendingInvitation(db: Executor, token: string, lock = false) {
  const query = db
    .select({ invitation: invitations, agencyName: agencies.name, clientName: clients.name })
    .from(invitations)
    .innerJoin(agencies, eq(agencies.id, invitations.agencyId))
    .leftJoin(clients, eq(clients.id, invitations.clientId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  if (!row) throw new AppError('token_invalid');
  return row;
}

/** Whether the person is already in this agency: a member, or a contact of one of its clients. */
async function isInAgency(tx: Executor, userId: string, agencyId: string): Promise<boolean> {
  const [member] = await tx
    .select({ id: agencyMembers.userId })
    .from(agencyMembers)
    .where(and(eq(agencyMembers.userId, userId), eq(agencyMembers.agencyId, agencyId)))
    .limit(1);
  if (member) return true;
  const [contact] = await tx
    .select({ id: clientMembers.userId })
    .from(clientMembers)
    .innerJoin(clients, eq(clients.id, clientMembers.clientId))
    .where(and(eq(clientMembers.userId, userId), eq(clients.agencyId, agencyId)))
    .limit(1);
  return Boolean(contact);
}

/**
 * Accept an invitation: create the account if the email has none, add the membership and
 * use the link up. The link is no proof of the address: its sender may copy it, and it is meant
 * to be passed on. So a new account starts unverified, and whoever set it up (its sender,
 * perhaps) holds it until the person signs in with a link only their mailbox gets
 * (`verifyEmail`). Until then it may join nothing outside the agency it is already in, or that
 * agency would see the next one's data through it. An existing account must be signed in: the
 * link must not sign anyone in to an account that already has access elsewhere.
 */
export async function acceptInvitation(
  tx: Executor,
  input: z.infer<typeof acceptInvitationBody>,
  signedInUserId: string | null,
) {
  const { invitation } = await findPendingInvitation(tx, input.token, true);
  const agencyRole = isAgencyRole(invitation.role);
  let [user] = await tx.select().from(users).where(eq(users.email, invitation.email)).limit(1);
  if (user && user.id !== signedInUserId) {
    const message = `Log in as ${invitation.email}, then open the invitation link again.`;
    throw new AppError(signedInUserId ? 'forbidden' : 'unauthenticated', { message });
  }
  if (user && !user.emailVerifiedAt && !(await isInAgency(tx, user.id, invitation.agencyId))) {
    throw new AppError('email_unverified');
  }
  if (!user) {
    if (!input.name)
      throw new AppError('validation_failed', { message: 'name: Required', fields: { name: 'Required' } });
    if (agencyRole && !input.password) {
      throw new AppError('validation_failed', {
        message: 'password: Agency members need a password',
        fields: { password: 'Agency members need a password' },
      });
    }
    [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        name: input.name,
        passwordHash: input.password ? await hashPassword(input.password) : null,
        // Not verified: see above.
        emailVerifiedAt: null,
      })
      .returning();
  }
  if (!user) throw new Error('user insert returned nothing');

  if (agencyRole) {
    const [existing] = await tx.select().from(agencyMembers).where(eq(agencyMembers.userId, user.id));
    if (existing && existing.agencyId !== invitation.agencyId) throw new AppError('other_agency');
    if (!existing) {
      await tx
        .insert(agencyMembers)
        .values({ agencyId: invitation.agencyId, userId: user.id, role: invitation.role as AgencyRole });
    }
  } else if (invitation.clientId) {
    await tx
      .insert(clientMembers)
      .values({ clientId: invitation.clientId, userId: user.id, role: invitation.role as ClientRole })
      .onConflictDoNothing();
  }
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
  await recordEvent(tx, user, {
    agencyId: invitation.agencyId,
    clientId: invitation.clientId,
    type: invitation.clientId ? 'contact.joined' : 'member.joined',
    subjectType: 'user',
    subjectId: user.id,
    data: { name: user.name, role: invitation.role },
  });
  return user.id;
}
