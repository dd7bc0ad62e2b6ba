import { endpoints } from '../../shared/api/catalogue.ts';
import { approvePosts } from '../commands/posts/approvePosts.ts';
import { changePostStatus } from '../commands/posts/changePostStatus.ts';
import { editPost } from '../commands/posts/editPost.ts';
import { startPost } from '../commands/posts/startPost.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { loadCycle } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { fullPost } from '../presenters/posts/full.ts';
import { presentPostList } from '../presenters/posts/summaries.ts';

export const postRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.listPosts, async (request) => {
    const actor = requireActor(request);
    return presentPostList(ctx.db, actor, await loadCycle(ctx.db, actor, request.params.cycleId));
  });

  route(app, endpoints.createPost, async (request) => {
    const actor = requireActor(request);
    const postId = await startPost(ctx, actor, request.params.cycleId, request.body.slotId);
    return fullPost(ctx, actor, postId);
  });

  route(app, endpoints.getPost, async (request) =>
    fullPost(ctx, requireActor(request), request.params.postId),
  );

  route(app, endpoints.updatePost, async (request) => {
    const actor = requireActor(request);
    await editPost(ctx, actor, request.params.postId, request.body);
    return fullPost(ctx, actor, request.params.postId);
  });

  route(app, endpoints.movePost, async (request) => {
    const actor = requireActor(request);
    await changePostStatus(ctx, actor, request.params.postId, request.body);
    return fullPost(ctx, actor, request.params.postId);
  });

  route(app, endpoints.approvePosts, async (request) => ({
    results: await approvePosts(ctx, requireActor(request), request.params.cycleId, request.body),
  }));
};
