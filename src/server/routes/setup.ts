import { endpoints } from '../../shared/api/catalogue.ts';
import { needsSetup } from '../accounts/queries.ts';
import { rememberDevice } from '../auth/devices.ts';
import { originOf, setSessionCookie } from '../auth/sessions.ts';
import { setUpFirstAgency } from '../commands/accounts/setUpFirstAgency.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { presentMe } from '../presenters/me.ts';

/** First run: with an empty database, the first visitor creates the agency and becomes its owner. */
export const setupRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.getSetupState, async () => ({
    needsSetup: await needsSetup(ctx.db),
    emailConfigured: ctx.mailer.configured,
  }));

  route(
    app,
    endpoints.setUpAgency,
    async (request, reply) => {
      const { actor, session } = await setUpFirstAgency(ctx, request.body, originOf(request));
      setSessionCookie(request, reply, session);
      await rememberDevice(ctx.db, request, reply, actor.user.id);
      return presentMe(actor);
    },
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
  );
};
