import { endpoints } from '../../shared/api/catalogue.ts';
import { originOf } from '../auth/sessions.ts';
import { swapSession } from '../auth/signIn.ts';
import { copyContactLink } from '../commands/links/copyContactLink.ts';
import { openScopedLink } from '../commands/links/openScopedLink.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentMe, presentScope } from '../presenters/me.ts';

// The token is 256 random bits: the limit only stops a flood. An office of contacts shares one
// address, and a link is opened again on every visit.
const openLimit = { config: { rateLimit: { max: 120, timeWindow: '15 minutes' } } };

export const linkRoutes: RouteModule = (app, ctx) => {
  route(
    app,
    endpoints.openLink,
    async (request, reply) => {
      const opened = await openScopedLink(ctx, request.actor, request.body.token, originOf(request));
      if (opened.session) await swapSession(ctx, request, reply, opened.session);
      return { me: presentMe(opened.actor), opens: presentScope(opened.opens) };
    },
    openLimit,
  );

  route(app, endpoints.copyContactLink, async (request) => {
    const { clientId, userId } = request.params;
    return { url: await copyContactLink(ctx, requireActor(request), clientId, userId, request.body) };
  });
};
