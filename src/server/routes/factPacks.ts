import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { topicFactPack } from '../facts/topicPack.ts';
import { attachmentDisposition } from '../files/fileName.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';

export const factPackRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.downloadFactPack, async (request, reply) => {
    const { requestId, topicId } = request.params;
    const pack = await topicFactPack(ctx.db, ctx.files, requireActor(request), requestId, topicId);
    if (pack.missing.length > 0) {
      request.log.error({ storageKeys: pack.missing }, 'files missing from storage, named in the fact pack');
    }
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', attachmentDisposition(pack.fileName))
      .header('cache-control', 'private, no-store')
      .send(pack.stream);
  });
};
