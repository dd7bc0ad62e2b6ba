import { endpoints } from '../../shared/api/catalogue.ts';
import { membersOf } from '../accounts/queries.ts';
import { changeMemberRole } from '../commands/accounts/changeMemberRole.ts';
import { removeMember } from '../commands/accounts/removeMember.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentMember } from '../presenters/member.ts';

export const memberRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listMembers, async (request) => {
    const rows = await membersOf(ctx.db, requireActor(request));
    return { members: rows.map(presentMember) };
  });

  route(app, endpoints.changeMemberRole, async (request) => {
    const row = await changeMemberRole(ctx, requireActor(request), request.params.userId, request.body.role);
    return { member: presentMember(row) };
  });

  route(app, endpoints.removeMember, async (request) => {
    await removeMember(ctx, requireActor(request), request.params.userId);
    return { ok: true as const };
  });
};
