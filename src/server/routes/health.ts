import { sql } from 'drizzle-orm';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';

export const healthRoutes: RouteModule = (app, ctx) => {
  route(
    app,
    endpoints.getHealth,
    async () => {
      await ctx.db.execute(sql`select 1`);
      return { ok: true as const, db: ctx.dbKind, version: ctx.version };
    },
    { config: { rateLimit: false } },
  );
};
