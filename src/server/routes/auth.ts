import { endpoints } from '../../shared/api/catalogue.ts';
import { deviceTokensOf } from '../auth/devices.ts';
import { clearSessionCookie, originOf, sessionCookieOf } from '../auth/sessions.ts';
import { signIn } from '../auth/signIn.ts';
import { logIn } from '../commands/accounts/logIn.ts';
import { logOut } from '../commands/accounts/logOut.ts';
import { redeemMagicLink } from '../commands/accounts/redeemMagicLink.ts';
import { requestEmailLink } from '../commands/accounts/requestEmailLink.ts';
import { resetPassword } from '../commands/accounts/resetPassword.ts';
import type { RouteModule } from '../context.ts';
import { clientKey } from '../http/clientKey.ts';
import { route } from '../http/route.ts';

const emailLimit = { config: { rateLimit: { max: 5, timeWindow: '15 minutes' } } };

export const authRoutes: RouteModule = (app, ctx) => {
  route(
    app,
    endpoints.logIn,
    async (request, reply) => {
      const { userId, session } = await logIn(
        ctx,
        request.body,
        clientKey(request.ip),
        originOf(request),
        deviceTokensOf(request),
      );
      return signIn(ctx, request, reply, userId, session);
    },
    { config: { rateLimit: { max: 60, timeWindow: '15 minutes' } } },
  );

  route(app, endpoints.logOut, async (request, reply) => {
    await logOut(ctx, sessionCookieOf(request));
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  route(
    app,
    endpoints.requestPasswordReset,
    async (request) => {
      await requestEmailLink(ctx, 'password_reset', request.body.email, clientKey(request.ip));
      return { ok: true as const };
    },
    emailLimit,
  );

  route(
    app,
    endpoints.confirmPasswordReset,
    async (request, reply) => {
      const userId = await resetPassword(ctx, request.body);
      return signIn(ctx, request, reply, userId);
    },
    emailLimit,
  );

  route(
    app,
    endpoints.requestMagicLink,
    async (request) => {
      const { email, next } = request.body;
      await requestEmailLink(ctx, 'magic_link', email, clientKey(request.ip), next);
      return { ok: true as const };
    },
    emailLimit,
  );

  route(
    app,
    endpoints.confirmMagicLink,
    async (request, reply) => {
      const userId = await redeemMagicLink(ctx, request.body.token);
      return signIn(ctx, request, reply, userId);
    },
    emailLimit,
  );
};
