import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../shared/api/common.ts';
import { me } from '../../shared/api/me.ts';
import {
  acceptInvitationBody,
  createInvitationBody,
  invitation,
  invitationPreview,
} from '../../shared/api/members.ts';
import type { Actor } from '../auth/actor.ts';
import { signIn } from '../auth/signIn.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { acceptInvitation, findPendingInvitation, isAgencyRole } from '../commands/acceptInvitation.ts';
import { listInvitations } from '../commands/listInvitations.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import { INVITATION_DAYS, mailInvitation, sendInvitation } from '../commands/sendInvitation.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { clients, invitations, users } from '../db/schema/index.ts';
import { forbidden, notFound } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { canManageContacts } from '../policies/contact.ts';
import { canManageMembers, canViewInvitations } from '../policies/member.ts';
import { loadClientForChange } from '../tenancy.ts';

const tags = ['invitations'];
const params = z.object({ invitationId: z.uuid() });
const one = z.object({ invitation });

/** An invitation of the actor's agency that they may manage, locked; 404 for anyone else's. */
async function loadManagedInvitation(tx: Executor, actor: Actor, invitationId: string) {
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

async function presentOne(db: Executor, id: string) {
  const [row] = await listInvitations(db, eq(invitations.id, id));
  return { invitation: row! };
}

export const invitationRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/invitations',
    {
      schema: {
        tags,
        summary: "Your agency's invitations (owners: all; content managers: client contacts')",
        querystring: z.object({ clientId: z.uuid().optional().describe('Only invitations to this client.') }),
        response: { 200: z.object({ invitations: z.array(invitation) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!canViewInvitations(actor) || !actor.agency) throw forbidden();
      const { clientId } = request.query;
      const where = and(
        eq(invitations.agencyId, actor.agency.id),
        clientId ? eq(invitations.clientId, clientId) : undefined,
        canManageMembers(actor) ? undefined : isNotNull(invitations.clientId),
      )!;
      return { invitations: await listInvitations(ctx.db, where) };
    },
  );

  app.post(
    '/api/invitations',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Invite an agency member (owners) or a client contact (owners, content managers) by email',
        body: createInvitationBody,
        response: { 201: one },
      },
    },
    async (request, reply) => {
      const { row } = await sendInvitation(ctx, requireActor(request), request.body);
      return reply.status(201).send(await presentOne(ctx.db, row.id));
    },
  );

  app.post(
    '/api/invitations/:invitationId/resend',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Send the invitation again with a fresh link (the old link stops working)',
        params,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const token = newToken();
      const { row, clientName } = await transact(ctx, async (tx) => {
        const current = await loadManagedInvitation(tx, actor, request.params.invitationId);
        if (current.acceptedAt || current.revokedAt) throw notFound();
        const [row] = await tx
          .update(invitations)
          .set({
            tokenHash: hashToken(token),
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
      return presentOne(ctx.db, row.id);
    },
  );

  app.delete(
    '/api/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Revoke an invitation: its link stops working',
        params,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const current = await loadManagedInvitation(tx, actor, request.params.invitationId);
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
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invitations/preview',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'What an invitation link offers, before accepting it',
        security: [],
        querystring: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: invitationPreview },
      },
    },
    async (request) => {
      const {
        invitation: row,
        agencyName,
        clientName,
      } = await findPendingInvitation(ctx.db, request.query.token);
      const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
      return {
        email: row.email,
        role: row.role,
        agencyName,
        clientName,
        existingUser: Boolean(user),
        passwordRequired: !user && isAgencyRole(row.role),
      };
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Accept an invitation: creates the account, or adds to the signed-in one; logs in',
        security: [],
        body: acceptInvitationBody,
        response: { 200: me },
      },
    },
    async (request, reply) => {
      const signedInUserId = request.actor?.user.id ?? null;
      const userId = await transact(ctx, (tx) => acceptInvitation(tx, request.body, signedInUserId));
      return signIn(ctx, request, reply, userId);
    },
  );
};
