import { endpoints } from '../../shared/api/catalogue.ts';
import { importTopics } from '../commands/planning/importTopics.ts';
import type { RouteModule } from '../context.ts';
import { AppError } from '../errors.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';

const MAX_BYTES = 2 * 1024 * 1024;

export const topicImportRoutes: RouteModule = (app, ctx) => {
  route(
    app,
    endpoints.importTopics,
    async (request) => {
      const actor = requireActor(request);
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw new AppError('malformed_request', {
          message: 'Send the CSV file as the request body (content-type text/csv).',
        });
      }
      return importTopics(ctx, actor, request.params.cycleId, bytes, request.query.dryRun);
    },
    { bodyLimit: MAX_BYTES },
  );
};
