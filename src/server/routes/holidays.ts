import { z } from 'zod';
import { clientParams } from '../../shared/api/clients.ts';
import { month } from '../../shared/api/planning.ts';
import type { RouteModule } from '../context.ts';
import { holidaysOf } from '../planning/holidays.ts';
import { requireActor } from '../plugins/auth.ts';
import { loadClient } from '../tenancy.ts';

export const holidayRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/holidays',
    {
      schema: {
        tags: ['schedule'],
        summary:
          "Public holidays and notable days of the client's country in a month (SMM plans around them)",
        params: clientParams,
        querystring: z.object({ month, lang: z.enum(['uk', 'en']).default('uk') }),
        response: {
          200: z.object({
            days: z.array(
              z.object({ date: z.string(), name: z.string(), type: z.enum(['public', 'observance']) }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const client = await loadClient(ctx.db, requireActor(request), request.params.clientId);
      return { days: await holidaysOf(client.country, request.query.month, request.query.lang) };
    },
  );
};
