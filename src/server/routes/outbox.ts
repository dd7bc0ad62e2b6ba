import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { outboxMessage } from '../../shared/api/members.ts';
import type { RouteModule } from '../context.ts';
import { outbox } from '../db/schema/index.ts';
import { forbidden } from '../errors.ts';
import { requireActor } from '../plugins/auth.ts';
import { canReadOutbox } from '../policies/outbox.ts';
import { presentOutboxMessage } from '../presenters/member.ts';

export const outboxRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/outbox',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Emails Plit sent or kept for your agency, newest first (owners only)',
        response: { 200: z.object({ messages: z.array(outboxMessage) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!canReadOutbox(actor) || !actor.agency) throw forbidden();
      const rows = await ctx.db
        .select()
        .from(outbox)
        .where(eq(outbox.agencyId, actor.agency.id))
        .orderBy(desc(outbox.createdAt))
        .limit(200);
      return { messages: rows.map(presentOutboxMessage) };
    },
  );
};
