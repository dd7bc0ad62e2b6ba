import { endpoints } from '../../shared/api/catalogue.ts';
import { invitationById, invitationsFor, previewInvitation } from '../accounts/queries.ts';
import { signIn } from '../auth/signIn.ts';
import { copyInvitationLink } from '../commands/accounts/copyInvitationLink.ts';
import { joinByInvitation } from '../commands/accounts/joinByInvitation.ts';
import { resendInvitation } from '../commands/accounts/resendInvitation.ts';
import { revokeInvitation } from '../commands/accounts/revokeInvitation.ts';
import { sendInvitation } from '../commands/accounts/sendInvitation.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';

export const invitationRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listInvitations, async (request) => ({
    invitations: await invitationsFor(ctx.db, requireActor(request), request.query.clientId),
  }));

  route(
    app,
    endpoints.sendInvitation,
    async (request) => {
      const { row } = await sendInvitation(ctx, requireActor(request), request.body);
      return { invitation: await invitationById(ctx.db, row.id) };
    },
    { config: { rateLimit: { max: 60, timeWindow: '1 hour' } } },
  );

  route(
    app,
    endpoints.resendInvitation,
    async (request) => {
      const row = await resendInvitation(ctx, requireActor(request), request.params.invitationId);
      return { invitation: await invitationById(ctx.db, row.id) };
    },
    { config: { rateLimit: { max: 30, timeWindow: '1 hour' } } },
  );

  route(
    app,
    endpoints.copyInvitationLink,
    async (request) => {
      const { row, link } = await copyInvitationLink(ctx, requireActor(request), request.params.invitationId);
      return { link, invitation: await invitationById(ctx.db, row.id) };
    },
    { config: { rateLimit: { max: 30, timeWindow: '1 hour' } } },
  );

  route(app, endpoints.revokeInvitation, async (request) => {
    await revokeInvitation(ctx, requireActor(request), request.params.invitationId);
    return { ok: true as const };
  });

  route(app, endpoints.previewInvitation, async (request) => previewInvitation(ctx.db, request.query.token), {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  });

  route(
    app,
    endpoints.acceptInvitation,
    async (request, reply) => {
      const userId = await joinByInvitation(ctx, request.body, request.actor?.user.id ?? null);
      return signIn(ctx, request, reply, userId);
    },
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
  );
};
