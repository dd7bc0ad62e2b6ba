import { endpoints } from '../../shared/api/catalogue.ts';
import { attachFactFile } from '../commands/facts/attachFactFile.ts';
import { removeFactFile } from '../commands/facts/removeFactFile.ts';
import type { RouteModule } from '../context.ts';
import { loadFactFile } from '../facts/load.ts';
import { receiveUpload, refuseDeclaredTooLarge, sendStoredFile } from '../files/http.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';

export const factFileRoutes: RouteModule = (app, ctx) => {
  const max = ctx.env.maxUploadBytes;

  route(
    app,
    endpoints.uploadFactFile,
    async (request) => ({
      request: await attachFactFile(ctx, requireActor(request), request.params.itemId, (clientId) =>
        receiveUpload(ctx.files, max, request, clientId),
      ),
    }),
    { onRequest: refuseDeclaredTooLarge(max) },
  );

  route(app, endpoints.downloadFactFile, async (request, reply) => {
    const { file } = await loadFactFile(ctx.db, requireActor(request), request.params.fileId);
    return sendStoredFile(reply, ctx.files, file, request.query.preview === '1');
  });

  route(app, endpoints.deleteFactFile, async (request) => ({
    request: await removeFactFile(ctx, requireActor(request), request.params.fileId),
  }));
};
