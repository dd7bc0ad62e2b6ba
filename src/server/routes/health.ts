import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { AppError } from '../errors.ts';
import { route } from '../http/route.ts';
import { createReadiness } from '../readiness.ts';

export const healthRoutes: RouteModule = (app, ctx) => {
  const readiness = createReadiness(ctx);
  route(
    app,
    endpoints.getHealth,
    async (request) => {
      // Ready means able to save: a node whose disk is full or read-only is taken out of rotation.
      const problem = await readiness();
      if (problem) {
        request.log.warn({ reason: problem.reason, where: problem.detail }, problem.message);
        throw new AppError('not_ready', {
          message: problem.message,
          reason: problem.reason,
          headers: { 'retry-after': '5' },
        });
      }
      return { ok: true as const, db: ctx.dbKind, version: ctx.version };
    },
    { config: { rateLimit: false } },
  );
};
