import { endpoints } from '../../shared/api/catalogue.ts';
import { attachPostAsset } from '../commands/posts/attachPostAsset.ts';
import { removePostAsset } from '../commands/posts/removePostAsset.ts';
import type { RouteModule } from '../context.ts';
import { receiveUpload, refuseDeclaredTooLarge, sendStoredFile } from '../files/http.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { loadPostAsset } from '../posts/load.ts';
import { fullPost } from '../presenters/posts/full.ts';

export const postAssetRoutes: RouteModule = (app, ctx) => {
  const max = ctx.env.maxUploadBytes;

  route(
    app,
    endpoints.uploadPostAsset,
    async (request) => {
      const actor = requireActor(request);
      const { postId } = request.params;
      await attachPostAsset(ctx, actor, postId, (clientId) =>
        receiveUpload(ctx.files, max, request, clientId),
      );
      return fullPost(ctx, actor, postId);
    },
    { onRequest: refuseDeclaredTooLarge(max) },
  );

  route(app, endpoints.downloadPostAsset, async (request, reply) => {
    const { asset } = await loadPostAsset(ctx.db, requireActor(request), request.params.assetId);
    return sendStoredFile(reply, ctx.files, asset, request.query.preview === '1');
  });

  route(app, endpoints.deletePostAsset, async (request) => {
    const actor = requireActor(request);
    const postId = await removePostAsset(ctx, actor, request.params.assetId);
    return fullPost(ctx, actor, postId);
  });
};
