import { endpoints } from '../../shared/api/catalogue.ts';
import { signIn } from '../auth/signIn.ts';
import type { RouteModule } from '../context.ts';
import { useFactLink } from '../facts/links.ts';
import { route } from '../http/route.ts';

export const factLinkRoutes: RouteModule = (app, ctx) => {
  route(
    app,
    endpoints.confirmFactLink,
    async (request, reply) => {
      const link = await useFactLink(ctx.db, request.body.token);
      const signedIn = await signIn(ctx, request, reply, link.userId);
      return { me: signedIn, requestId: link.requestId };
    },
    // The token is 256 random bits: the limit only stops a flood. An office of contacts shares
    // one address, and a link is opened again on every visit.
    { config: { rateLimit: { max: 120, timeWindow: '15 minutes' } } },
  );
};
