import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { postFull } from '../../shared/api/posts.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import type { Executor, Tx } from '../db/connect.ts';
import { postAssets } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { receiveUpload, refuseDeclaredTooLarge, sendStoredFile } from '../files/http.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { recordPostEvent } from '../posts/event.ts';
import { loadPost, type PostInCycle } from '../posts/load.ts';
import { fullPost, requireEditable } from './posts.ts';

const tags = ['posts'];
/** A carousel holds 20 at most on the networks that have them; a few more for alternatives. */
export const MAX_ASSETS_PER_POST = 30;

async function loadEditable(tx: Tx, actor: Actor, postId: string): Promise<PostInCycle> {
  const found = await loadPost(tx, actor, postId, true);
  requireEditable(actor, found);
  const held = await tx
    .select({ id: postAssets.id })
    .from(postAssets)
    .where(and(eq(postAssets.postId, postId), isNull(postAssets.removedAt)));
  if (held.length >= MAX_ASSETS_PER_POST) {
    throw new AppError('too_many_files', { message: 'This post has as many files as it can hold.' });
  }
  return found;
}

/** An asset and its post, if the actor may see the post (404 otherwise). */
async function loadAsset(db: Executor, actor: Actor, assetId: string) {
  const [asset] = await db.select().from(postAssets).where(eq(postAssets.id, assetId));
  if (!asset) throw notFound();
  return { ...(await loadPost(db, actor, asset.postId)), asset };
}

export const postAssetRoutes: RouteModule = (app, ctx) => {
  const max = ctx.env.maxUploadBytes;

  app.post(
    '/api/posts/:postId/assets',
    {
      schema: {
        tags,
        summary: `Attach a photo, video or layout to a post (multipart field "file"; ${ctx.env.MAX_UPLOAD_MB} MB at most)`,
        consumes: ['multipart/form-data'],
        params: z.object({ postId: z.uuid() }),
        response: { 201: postFull },
      },
      onRequest: refuseDeclaredTooLarge(max),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const postId = request.params.postId;
      // Checked before the bytes arrive and again before the row is written (no lock held meanwhile).
      const { client } = await ctx.db.transaction((tx) => loadEditable(tx as Tx, actor, postId));
      const received = await receiveUpload(ctx.files, max, request, client.id);
      try {
        await transact(ctx, async (tx) => {
          const found = await loadEditable(tx, actor, postId);
          const [row] = await tx
            .insert(postAssets)
            .values({
              postId,
              storageKey: received.key,
              name: received.name,
              contentType: received.type.mime,
              size: received.bytes,
              sha256: received.sha256,
              uploadedBy: actor.user.id,
            })
            .returning();
          await recordPostEvent(tx, actor, found, 'post.asset_added', {
            assetId: row!.id,
            name: received.name,
          });
        });
      } catch (error) {
        // Nothing half-way: a file whose row did not commit is removed again.
        await ctx.files.remove(received.key).catch(() => {});
        throw error;
      }
      reply.code(201);
      return fullPost(ctx, actor, postId);
    },
  );

  app.get(
    '/api/post-assets/:assetId',
    {
      schema: {
        tags,
        summary: 'Download an asset (as an attachment; images inline with ?preview=1)',
        params: z.object({ assetId: z.uuid() }),
        querystring: z.object({ preview: z.enum(['1']).optional() }),
      },
    },
    async (request, reply) => {
      const { asset } = await loadAsset(ctx.db, requireActor(request), request.params.assetId);
      return sendStoredFile(reply, ctx.files, asset, request.query.preview === '1');
    },
  );

  app.delete(
    '/api/post-assets/:assetId',
    {
      schema: {
        tags,
        summary: 'Remove an asset from a post that is not with the client',
        params: z.object({ assetId: z.uuid() }),
        response: { 200: postFull },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const postId = await transact(ctx, async (tx) => {
        const { asset } = await loadAsset(tx, actor, request.params.assetId);
        const found = await loadPost(tx, actor, asset.postId, true);
        requireEditable(actor, found);
        if (asset.removedAt) throw notFound();
        // The bytes stay: a version sent earlier still shows this file in the post's history.
        await tx.update(postAssets).set({ removedAt: new Date() }).where(eq(postAssets.id, asset.id));
        await recordPostEvent(tx, actor, found, 'post.asset_removed', { name: asset.name });
        return asset.postId;
      });
      return fullPost(ctx, actor, postId);
    },
  );
};
