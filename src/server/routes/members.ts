import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../shared/api/common.ts';
import { member, updateMemberBody } from '../../shared/api/members.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { agencies, agencyMembers, sessions, users } from '../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { canManageMembers, canViewMembers } from '../policies/member.ts';
import { presentMember } from '../presenters/member.ts';

const tags = ['members'];
const params = z.object({ userId: z.uuid() });
const columns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: agencyMembers.role,
  createdAt: agencyMembers.createdAt,
};

async function findMember(db: Executor, agencyId: string, userId: string) {
  // Member changes of one agency take turns: two owners demoting each other at once would
  // otherwise both see "another owner left" and leave the agency with none.
  await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)).for('update');
  const [row] = await db
    .select(columns)
    .from(agencyMembers)
    .innerJoin(users, eq(users.id, agencyMembers.userId))
    .where(and(eq(agencyMembers.agencyId, agencyId), eq(agencyMembers.userId, userId)))
    .for('update', { of: agencyMembers });
  if (!row) throw notFound();
  return row;
}

/** Refuse to leave the agency without an owner: nobody could manage it any more. */
async function assertAnotherOwner(db: Executor, agencyId: string) {
  const [owners] = await db
    .select({ n: count() })
    .from(agencyMembers)
    .where(and(eq(agencyMembers.agencyId, agencyId), eq(agencyMembers.role, 'owner')));
  if ((owners?.n ?? 0) <= 1) throw new AppError('last_owner');
}

function managedAgency(actor: Actor) {
  if (!canManageMembers(actor) || !actor.agency) throw forbidden();
  return actor.agency;
}

export const memberRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/members',
    {
      schema: {
        tags,
        summary: "Your agency's members",
        response: { 200: z.object({ members: z.array(member) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!canViewMembers(actor) || !actor.agency) throw forbidden();
      const rows = await ctx.db
        .select(columns)
        .from(agencyMembers)
        .innerJoin(users, eq(users.id, agencyMembers.userId))
        .where(eq(agencyMembers.agencyId, actor.agency.id))
        .orderBy(asc(users.name));
      return { members: rows.map(presentMember) };
    },
  );

  app.patch(
    '/api/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (owners only)",
        params,
        body: updateMemberBody,
        response: { 200: z.object({ member }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = managedAgency(actor);
      const row = await transact(ctx, async (tx) => {
        const before = await findMember(tx, agency.id, request.params.userId);
        if (before.role === request.body.role) return before;
        if (before.role === 'owner') await assertAnotherOwner(tx, agency.id);
        await tx
          .update(agencyMembers)
          .set({ role: request.body.role })
          .where(and(eq(agencyMembers.agencyId, agency.id), eq(agencyMembers.userId, before.userId)));
        await recordEvent(tx, actor.user, {
          agencyId: agency.id,
          type: 'member.role_changed',
          subjectType: 'user',
          subjectId: before.userId,
          data: { name: before.name, from: before.role, to: request.body.role },
        });
        return { ...before, role: request.body.role };
      });
      return { member: presentMember(row) };
    },
  );

  app.delete(
    '/api/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member from the agency (owners only); ends their sessions',
        params,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = managedAgency(actor);
      await transact(ctx, async (tx) => {
        const before = await findMember(tx, agency.id, request.params.userId);
        if (before.role === 'owner') await assertAnotherOwner(tx, agency.id);
        await tx
          .delete(agencyMembers)
          .where(and(eq(agencyMembers.agencyId, agency.id), eq(agencyMembers.userId, before.userId)));
        await tx.delete(sessions).where(eq(sessions.userId, before.userId));
        await recordEvent(tx, actor.user, {
          agencyId: agency.id,
          type: 'member.removed',
          subjectType: 'user',
          subjectId: before.userId,
          data: { name: before.name },
        });
      });
      await ctx.live.dropUser(request.params.userId);
      return { ok: true as const };
    },
  );
};
