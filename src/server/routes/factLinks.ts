import { z } from 'zod';
import { me, tokenBody } from '../../shared/api/me.ts';
import { signIn } from '../auth/signIn.ts';
import type { RouteModule } from '../context.ts';
import { useFactLink } from '../facts/links.ts';

export const factLinkRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/fact-links/confirm',
    {
      // The token is 256 random bits: the limit only stops a flood. An office of contacts shares
      // one address, and a link is opened again on every visit.
      config: { rateLimit: { max: 120, timeWindow: '15 minutes' } },
      schema: {
        tags: ['facts'],
        summary: 'Open a fact request from its email: signs the contact in, no password needed',
        security: [],
        body: tokenBody,
        response: { 200: z.object({ me, requestId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const link = await useFactLink(ctx.db, request.body.token);
      const signedIn = await signIn(ctx, request, reply, link.userId);
      return { me: signedIn, requestId: link.requestId };
    },
  );
};
