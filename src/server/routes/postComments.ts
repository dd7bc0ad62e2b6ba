import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { createCommentBody, postFull, resolveCommentBody } from '../../shared/api/posts.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import { postAssets, postComments } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { canCommentOnPost } from '../policies/posts.ts';
import { anchorPhrase, readCopy } from '../posts/copyDoc.ts';
import { recordPostEvent } from '../posts/event.ts';
import { loadPostForChange, type PostInCycle } from '../posts/load.ts';
import { notifyPostComment } from '../posts/notify.ts';
import { fullPost } from './posts.ts';

const tags = ['posts'];
const mayComment = (actor: Actor, f: PostInCycle) => canCommentOnPost(actor, f.client, f.cycle, f.post);

export const postCommentRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/posts/:postId/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a post: on a phrase of the copy, on the visual, or on the whole',
        description:
          'A phrase is given as offsets into the copy as plain text (shared/posts/copyText.ts) with its quote; ' +
          'a quote that no longer matches answers 409 post_outdated.',
        params: z.object({ postId: z.uuid() }),
        body: createCommentBody,
        response: { 201: postFull },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { revision, body, anchor } = request.body;
      await transact(ctx, async (tx) => {
        const found = await loadPostForChange(tx, actor, request.params.postId, mayComment);
        const { post } = found;
        const agency = agencyRoleIn(actor, found.client.agencyId) !== null;
        if (revision > post.revision || (!agency && revision !== post.revision))
          throw new AppError('post_outdated');
        let anchorFields: Partial<typeof postComments.$inferInsert> = {};
        if (anchor?.kind === 'text') {
          const copy = await readCopy(tx, post.id);
          try {
            const { text } = copy.layout;
            const at =
              text.slice(anchor.start, anchor.end) === anchor.quote
                ? anchorPhrase(copy.layout, anchor.start, anchor.end)
                : null;
            if (!at) {
              throw new AppError('post_outdated', {
                message: 'The text changed since you opened it; select the phrase again.',
              });
            }
            anchorFields = {
              anchorKind: 'text',
              anchorStart: at.start,
              anchorEnd: at.end,
              quote: anchor.quote,
            };
          } finally {
            copy.doc.destroy();
          }
        } else if (anchor?.kind === 'visual') {
          if (anchor.assetId) {
            const [asset] = await tx.select().from(postAssets).where(eq(postAssets.id, anchor.assetId));
            if (asset?.postId !== post.id) throw notFound();
          }
          anchorFields = { anchorKind: 'visual', assetId: anchor.assetId };
        }
        // The agency's notes on a post the client is not looking at are the team's own.
        const internal = agency && (post.status === 'draft' || post.status === 'internal_review');
        await tx.insert(postComments).values({
          postId: post.id,
          revision,
          round: post.round,
          body,
          ...anchorFields,
          authorId: actor.user.id,
          authorName: actor.user.name,
          side: agency ? 'agency' : 'client',
          internal,
        });
        await recordPostEvent(tx, actor, found, 'post.commented', {}, internal);
        await notifyPostComment(tx, actor, found, internal);
      });
      reply.code(201);
      return fullPost(ctx, actor, request.params.postId);
    },
  );

  app.patch(
    '/api/post-comments/:commentId',
    {
      schema: {
        tags,
        summary: 'Resolve a comment (or open it again)',
        params: z.object({ commentId: z.uuid() }),
        body: resolveCommentBody,
        response: { 200: postFull },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [comment] = await ctx.db
        .select({ postId: postComments.postId, internal: postComments.internal })
        .from(postComments)
        .where(eq(postComments.id, request.params.commentId));
      if (!comment) throw notFound();
      await transact(ctx, async (tx) => {
        const found = await loadPostForChange(tx, actor, comment.postId, mayComment);
        if (comment.internal && agencyRoleIn(actor, found.client.agencyId) === null) throw notFound();
        const resolved = request.body.resolved;
        await tx
          .update(postComments)
          .set({
            resolvedAt: resolved ? new Date() : null,
            resolvedByName: resolved ? actor.user.name : null,
          })
          .where(eq(postComments.id, request.params.commentId));
        await recordPostEvent(tx, actor, found, 'post.comment_resolved', { resolved }, comment.internal);
      });
      return fullPost(ctx, actor, comment.postId);
    },
  );
};
