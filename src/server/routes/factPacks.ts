import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { factFiles, topics } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { loadFactRequest } from '../facts/load.ts';
import { buildFactPack } from '../facts/pack.ts';
import { presentFactRequest } from '../facts/present.ts';
import { attachmentDisposition } from '../files/fileName.ts';
import { requireActor } from '../plugins/auth.ts';
import { agencyRoleIn } from '../policies/agency.ts';

export const factPackRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/fact-requests/:requestId/packs/:topicId',
    {
      schema: {
        tags: ['facts'],
        summary: "The writer's fact pack for one topic (or `general`): answers and files as a ZIP",
        params: z.object({ requestId: z.uuid(), topicId: z.union([z.uuid(), z.literal('general')]) }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const found = await loadFactRequest(ctx.db, actor, request.params.requestId);
      // The pack is the writer's working material: the agency's, whatever its role.
      if (!agencyRoleIn(actor, found.client.agencyId)) throw new AppError('forbidden');
      const { topicId } = request.params;
      const presented = await presentFactRequest(ctx.db, actor, found);
      const items = presented.items.filter((i) =>
        topicId === 'general' ? i.topicId === null : i.topicId === topicId,
      );
      let title = 'General';
      if (topicId !== 'general') {
        const [topic] = await ctx.db
          .select({ title: topics.title })
          .from(topics)
          .where(and(eq(topics.id, topicId), eq(topics.cycleId, found.cycle.id)));
        if (!topic) throw notFound();
        title = topic.title;
      }
      if (items.length === 0) throw notFound();
      const fileIds = items.flatMap((i) => i.files.map((f) => f.id));
      const keys = new Map(
        fileIds.length
          ? (
              await ctx.db
                .select({ id: factFiles.id, key: factFiles.storageKey })
                .from(factFiles)
                .where(inArray(factFiles.id, fileIds))
            ).map((r) => [r.id, r.key])
          : [],
      );
      const stream = await buildFactPack(
        ctx.files,
        { client: found.client.name, month: found.cycle.month, topic: title },
        items,
        (id) => keys.get(id)!,
        actor.user.locale === 'en' ? 'en' : 'uk',
      );
      return reply
        .header('content-type', 'application/zip')
        .header(
          'content-disposition',
          attachmentDisposition(`${found.client.name} ${found.cycle.month} ${title.slice(0, 60)}.zip`),
        )
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
};
