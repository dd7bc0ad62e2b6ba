import { endpoints } from '../../shared/api/catalogue.ts';
import { sessionsOf } from '../accounts/queries.ts';
import { deviceTokensOf } from '../auth/devices.ts';
import { clearSessionCookie } from '../auth/sessions.ts';
import { changePassword } from '../commands/accounts/changePassword.ts';
import { editProfile } from '../commands/accounts/editProfile.ts';
import { logOutEverywhere } from '../commands/accounts/logOutEverywhere.ts';
import { logOutSession } from '../commands/accounts/logOutSession.ts';
import type { RouteModule } from '../context.ts';
import { clientKey } from '../http/clientKey.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentMe, presentSession } from '../presenters/me.ts';

export const meRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.getMe, async (request) => presentMe(requireActor(request)));

  route(app, endpoints.updateMe, async (request) =>
    presentMe(await editProfile(ctx, requireActor(request), request.body)),
  );

  route(
    app,
    endpoints.changePassword,
    async (request) => {
      await changePassword(ctx, requireActor(request), request.body, {
        ip: clientKey(request.ip),
        deviceTokens: deviceTokensOf(request),
      });
      return { ok: true as const };
    },
    { config: { rateLimit: { max: 10, timeWindow: '15 minutes' } } },
  );

  route(app, endpoints.listSessions, async (request) => {
    const actor = requireActor(request);
    const rows = await sessionsOf(ctx.db, actor.user.id);
    return { sessions: rows.map((row) => presentSession(row, actor.sessionId)) };
  });

  route(app, endpoints.logOutSession, async (request, reply) => {
    const { current } = await logOutSession(ctx, requireActor(request), request.params.sessionId);
    if (current) clearSessionCookie(reply);
    return { ok: true as const };
  });

  route(app, endpoints.logOutEverywhere, async (request, reply) => {
    await logOutEverywhere(ctx, requireActor(request));
    clearSessionCookie(reply);
    return { ok: true as const };
  });
};
