import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { channel, clientParams, createChannelBody, updateChannelBody } from '../../shared/api/clients.ts';
import { ok } from '../../shared/api/common.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { RouteModule } from '../context.ts';
import { channels, slots } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { canUpdateClient } from '../policies/client.ts';
import { presentChannel } from '../presenters/client.ts';
import { loadClient, loadClientForChange } from '../tenancy.ts';

const tags = ['channels'];
const params = clientParams.extend({ channelId: z.uuid() });

export const channelRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/channels',
    {
      schema: {
        tags,
        summary: "A client's social accounts",
        params: clientParams,
        response: { 200: z.object({ channels: z.array(channel) }) },
      },
    },
    async (request) => {
      const client = await loadClient(ctx.db, requireActor(request), request.params.clientId);
      const rows = await ctx.db
        .select()
        .from(channels)
        .where(eq(channels.clientId, client.id))
        .orderBy(asc(channels.createdAt));
      return { channels: rows.map(presentChannel) };
    },
  );

  app.post(
    '/api/clients/:clientId/channels',
    {
      schema: {
        tags,
        summary: 'Add a social account',
        params: clientParams,
        body: createChannelBody,
        response: { 201: z.object({ channel }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        const formats = [...new Set(request.body.formats)];
        const [created] = await tx
          .insert(channels)
          .values({ ...request.body, formats, clientId: client.id })
          .returning();
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'channel.created',
          subjectType: 'channel',
          subjectId: created!.id,
          data: { network: created!.network, handle: created!.handle },
        });
        return created!;
      });
      return reply.status(201).send({ channel: presentChannel(row) });
    },
  );

  app.patch(
    '/api/clients/:clientId/channels/:channelId',
    {
      schema: {
        tags,
        summary: 'Change a social account',
        params,
        body: updateChannelBody,
        response: { 200: z.object({ channel }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        const { version, ...changes } = request.body;
        const [updated] = await tx
          .update(channels)
          .set({
            ...changes,
            ...(changes.formats && { formats: [...new Set(changes.formats)] }),
            version: version + 1,
          })
          .where(
            and(
              eq(channels.id, request.params.channelId),
              eq(channels.clientId, client.id),
              eq(channels.version, version),
            ),
          )
          .returning();
        if (!updated) {
          const [exists] = await tx
            .select({ id: channels.id })
            .from(channels)
            .where(and(eq(channels.id, request.params.channelId), eq(channels.clientId, client.id)));
          throw exists ? staleVersion() : notFound();
        }
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'channel.updated',
          subjectType: 'channel',
          subjectId: updated.id,
          data: { network: updated.network, handle: updated.handle },
        });
        return updated;
      });
      return { channel: presentChannel(row) };
    },
  );

  app.delete(
    '/api/clients/:clientId/channels/:channelId',
    { schema: { tags, summary: 'Remove a social account', params, response: { 200: ok } } },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canUpdateClient);
        // Slots of plans point at the channel: removing it would silently empty those plans.
        const [used] = await tx
          .select({ n: count() })
          .from(slots)
          .where(eq(slots.channelId, request.params.channelId));
        if ((used?.n ?? 0) > 0) {
          const message = `This channel has ${used!.n} slot(s) in the posting schedule. Move or delete them first.`;
          throw new AppError('conflict', { message });
        }
        const [removed] = await tx
          .delete(channels)
          .where(and(eq(channels.id, request.params.channelId), eq(channels.clientId, client.id)))
          .returning();
        if (!removed) throw notFound();
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'channel.deleted',
          subjectType: 'channel',
          subjectId: removed.id,
          data: { network: removed.network, handle: removed.handle },
        });
      });
      return { ok: true as const };
    },
  );
};
