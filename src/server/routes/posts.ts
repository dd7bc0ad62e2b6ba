import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  approvePostsBody,
  approvePostsResult,
  createPostBody,
  movePostBody,
  postFull,
  postList,
  updatePostBody,
} from '../../shared/api/posts.ts';
import { localParts } from '../../shared/time.ts';
import type { Actor } from '../auth/actor.ts';
import type { Context, RouteModule } from '../context.ts';
import { channels, posts, slots, topics } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { loadCycle } from '../planning/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { agencyRoleIn } from '../policies/agency.ts';
import { canCreatePost, canEditPost } from '../policies/posts.ts';
import { copyDocument } from '../posts/copyDoc.ts';
import { createPost } from '../posts/create.ts';
import { recordPostEvent } from '../posts/event.ts';
import { loadPost, loadPostForChange, type PostInCycle } from '../posts/load.ts';
import { movePost } from '../posts/move.ts';
import { postsOfCycle, presentPostSummaries } from '../posts/present.ts';
import { presentPostFull } from '../posts/presentFull.ts';

const tags = ['posts'];
const cycleParams = z.object({ cycleId: z.uuid() });
const postParams = z.object({ postId: z.uuid() });

/** The post as its editor or reviewer sees it now (read after the change has committed). */
export const fullPost = (ctx: Context, actor: Actor, postId: string) =>
  loadPost(ctx.db, actor, postId).then((found) =>
    presentPostFull(ctx.db, actor, found, ctx.env.maxUploadBytes),
  );

/** An editor may not change a post the client is reading (or one already out). */
export function requireEditable(actor: Actor, found: PostInCycle) {
  if (canEditPost(actor, found.client, found.cycle, found.post)) return;
  const agency = agencyRoleIn(actor, found.client.agencyId) !== null;
  const locked = found.post.status === 'client_review' || found.post.status === 'published';
  throw new AppError(agency && locked ? 'post_locked' : 'forbidden');
}

/**
 * Open copy editors reconnect after a status change, in every process, so the server decides
 * again whether they may write: a post sent to the client turns read-only at once.
 */
const reconnectEditors = (ctx: Context, postId: string) =>
  ctx.live.publishControl('collab-close', copyDocument(postId));

export const postRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/cycles/:cycleId/posts',
    {
      schema: {
        tags,
        summary: "The month's posts (and, for the agency, the slots still waiting for one)",
        params: cycleParams,
        response: { 200: postList },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { cycle, client } = await loadCycle(ctx.db, actor, request.params.cycleId);
      const agency = agencyRoleIn(actor, client.agencyId) !== null;
      const rows = (await postsOfCycle(ctx.db, cycle.id)).filter((p) => agency || p.revision > 0);
      const unwritten = agency
        ? await ctx.db
            .select({ slot: slots, channel: channels, topicTitle: topics.title })
            .from(slots)
            .innerJoin(channels, eq(channels.id, slots.channelId))
            .leftJoin(topics, eq(topics.id, slots.topicId))
            .leftJoin(posts, eq(posts.slotId, slots.id))
            .where(and(eq(slots.cycleId, cycle.id), isNull(posts.id)))
            .orderBy(slots.startsAt)
        : [];
      return {
        posts: await presentPostSummaries(ctx.db, actor, client, rows),
        unwritten: unwritten.map(({ slot, channel, topicTitle }) => ({
          slotId: slot.id,
          startsAt: slot.startsAt.toISOString(),
          channelId: channel.id,
          channelLabel: `${channel.network} ${channel.handle}`,
          network: channel.network,
          format: slot.format,
          topicId: slot.topicId,
          topicTitle,
        })),
        timezone: client.timezone,
      };
    },
  );

  app.post(
    '/api/cycles/:cycleId/posts',
    {
      schema: {
        tags,
        summary: "Start the post of a slot (from the slot's topic)",
        params: cycleParams,
        body: createPostBody,
        response: { 201: postFull },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const postId = await transact(ctx, async (tx) => {
        const found = await loadCycle(tx, actor, request.params.cycleId, true);
        if (!canCreatePost(actor, found.client, found.cycle)) {
          throw new AppError(agencyRoleIn(actor, found.client.agencyId) ? 'conflict' : 'forbidden', {
            message: 'Posts are written once the fact request has gone out, until the month closes.',
          });
        }
        return (await createPost(tx, actor, found, request.body.slotId)).id;
      });
      reply.code(201);
      return fullPost(ctx, actor, postId);
    },
  );

  app.get(
    '/api/posts/:postId',
    {
      schema: {
        tags,
        summary: 'One post with its topic, facts, versions and comments',
        params: postParams,
        response: { 200: postFull },
      },
    },
    async (request) => fullPost(ctx, requireActor(request), request.params.postId),
  );

  app.patch(
    '/api/posts/:postId',
    {
      schema: {
        tags,
        summary: 'Change the visual brief, hashtags, link, first comment or publish time',
        params: postParams,
        body: updatePostBody,
        response: { 200: postFull },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { version, publishAt, ...fields } = request.body;
      await transact(ctx, async (tx) => {
        const found = await loadPost(tx, actor, request.params.postId, true);
        requireEditable(actor, found);
        if (found.post.version !== version) throw staleVersion();
        if (publishAt !== undefined) {
          // A post goes out in its month; moving it to another is a matter for that month's plan.
          if (
            !localParts(new Date(publishAt), found.client.timezone).date.startsWith(`${found.cycle.month}-`)
          ) {
            throw new AppError('validation_failed', {
              fields: { publishAt: `Pick a time in ${found.cycle.month}, the month of this plan.` },
            });
          }
          await tx
            .update(slots)
            .set({ startsAt: new Date(publishAt), version: sql`${slots.version} + 1` })
            .where(eq(slots.id, found.slot.id));
        }
        await tx
          .update(posts)
          .set({ ...fields, version: version + 1, updatedAt: new Date() })
          .where(eq(posts.id, found.post.id));
        await recordPostEvent(tx, actor, found, 'post.updated', { fields: Object.keys(request.body) });
      });
      return fullPost(ctx, actor, request.params.postId);
    },
  );

  app.post(
    '/api/posts/:postId/status',
    {
      schema: {
        tags,
        summary: 'Move a post: send for review, take back, approve, ask for changes, mark published',
        description:
          'The agency moves with the post `version` it edited; the client answers about the `revision` it read. ' +
          'An approval of an outdated revision answers 409 post_outdated; a second approval, 409 post_already_approved.',
        params: postParams,
        body: movePostBody,
        response: { 200: postFull },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const found = await loadPostForChange(tx, actor, request.params.postId, () => true);
        await movePost(tx, actor, found, request.body);
      });
      reconnectEditors(ctx, request.params.postId);
      return fullPost(ctx, actor, request.params.postId);
    },
  );

  app.post(
    '/api/cycles/:cycleId/posts/approve',
    {
      schema: {
        tags,
        summary: 'Approve several posts at once; each answers for itself',
        params: cycleParams,
        body: approvePostsBody,
        response: { 200: approvePostsResult },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { client, cycle } = await loadCycle(ctx.db, actor, request.params.cycleId);
      if (actor.contactOf.get(client.id)?.role !== 'approver' || cycle.stage === 'closed') {
        throw new AppError('forbidden', { message: "Only the client's approvers approve posts." });
      }
      const results: Array<z.infer<typeof approvePostsResult>['results'][number]> = [];
      // One transaction per post: an outdated one does not undo the others.
      for (const { postId, revision } of request.body.posts) {
        const outcome = await transact(ctx, async (tx) => {
          const found = await loadPost(tx, actor, postId, true);
          if (found.cycle.id !== request.params.cycleId) throw notFound();
          if (found.post.status === 'approved' && found.post.revision === revision) return 'already_approved';
          if (found.post.revision !== revision) return 'outdated';
          if (found.post.status !== 'client_review') return 'not_in_review';
          await movePost(tx, actor, found, { to: 'approved', revision });
          return 'approved';
        });
        results.push({ postId, outcome });
      }
      return { results };
    },
  );
};
