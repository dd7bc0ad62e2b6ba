import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { clientParams, contact, updateContactBody } from '../../shared/api/clients.ts';
import { ok } from '../../shared/api/common.ts';
import { invitation } from '../../shared/api/members.ts';
import { listInvitations } from '../commands/listInvitations.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { clientMembers, invitations, users } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { canManageContacts } from '../policies/contact.ts';
import { presentContact } from '../presenters/member.ts';
import { loadClient, loadClientForChange } from '../tenancy.ts';

const tags = ['contacts'];
const params = clientParams.extend({ userId: z.uuid() });

const contactColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: clientMembers.role,
  createdAt: clientMembers.createdAt,
};

async function findContact(db: Executor, clientId: string, userId: string) {
  const [row] = await db
    .select(contactColumns)
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(and(eq(clientMembers.clientId, clientId), eq(clientMembers.userId, userId)));
  if (!row) throw notFound();
  return row;
}

export const contactRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/contacts',
    {
      schema: {
        tags,
        summary: "The client's own people (approvers, contributors) and their pending invitations",
        params: clientParams,
        response: { 200: z.object({ contacts: z.array(contact), invitations: z.array(invitation) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      const rows = await ctx.db
        .select(contactColumns)
        .from(clientMembers)
        .innerJoin(users, eq(users.id, clientMembers.userId))
        .where(eq(clientMembers.clientId, client.id))
        .orderBy(asc(users.name));
      // Invitation emails and states are the agency's business.
      const pending = canManageContacts(actor, client)
        ? (await listInvitations(ctx.db, eq(invitations.clientId, client.id))).filter(
            (i) => i.status === 'pending',
          )
        : [];
      return { contacts: rows.map(presentContact), invitations: pending };
    },
  );

  app.patch(
    '/api/clients/:clientId/contacts/:userId',
    {
      schema: {
        tags,
        summary: "Change a contact's role",
        params,
        body: updateContactBody,
        response: { 200: z.object({ contact }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canManageContacts);
        const before = await findContact(tx, client.id, request.params.userId);
        if (before.role === request.body.role) return before;
        await tx
          .update(clientMembers)
          .set({ role: request.body.role })
          .where(and(eq(clientMembers.clientId, client.id), eq(clientMembers.userId, before.userId)));
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'contact.role_changed',
          subjectType: 'user',
          subjectId: before.userId,
          data: { name: before.name, from: before.role, to: request.body.role },
        });
        return { ...before, role: request.body.role };
      });
      return { contact: presentContact(row) };
    },
  );

  app.delete(
    '/api/clients/:clientId/contacts/:userId',
    { schema: { tags, summary: "Remove a contact's access to this client", params, response: { 200: ok } } },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canManageContacts);
        const before = await findContact(tx, client.id, request.params.userId);
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
      });
      // Their open live connections may still be in this client's rooms: close them.
      await ctx.live.dropUser(request.params.userId);
      return { ok: true as const };
    },
  );
};
