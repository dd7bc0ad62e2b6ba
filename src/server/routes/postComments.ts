import { endpoints } from '../../shared/api/catalogue.ts';
import { commentOnPost } from '../commands/posts/commentOnPost.ts';
import { resolvePostComment } from '../commands/posts/resolvePostComment.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { requireActor } from '../plugins/auth.ts';
import { fullPost } from '../presenters/posts/full.ts';

export const postCommentRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.createPostComment, async (request) => {
    const actor = requireActor(request);
    await commentOnPost(ctx, actor, request.params.postId, request.body);
    return fullPost(ctx, actor, request.params.postId);
  });

  route(app, endpoints.resolvePostComment, async (request) => {
    const actor = requireActor(request);
    const postId = await resolvePostComment(ctx, actor, request.params.commentId, request.body.resolved);
    return fullPost(ctx, actor, postId);
  });
};
