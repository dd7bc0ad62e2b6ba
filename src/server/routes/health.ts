import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RouteModule } from '../context.ts';

export const healthRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Is Plit up, and on which database',
        security: [],
        response: {
          200: z.object({
            ok: z.literal(true),
            db: z.enum(['pglite', 'postgres']).describe('The storage engine in use.'),
            version: z.string(),
          }),
        },
      },
    },
    async () => {
      await ctx.db.execute(sql`select 1`);
      return { ok: true as const, db: ctx.dbKind, version: ctx.version };
    },
  );
};
