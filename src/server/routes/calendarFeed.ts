import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { clientParams } from '../../shared/api/clients.ts';
import { ok } from '../../shared/api/common.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { RouteModule } from '../context.ts';
import { calendarFeeds, channels, clients, cycles, slots, topics } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { scheduleIcs } from '../exports/ics.ts';
import { transact } from '../live/transact.ts';
import { requireActor } from '../plugins/auth.ts';
import { canStartCycle } from '../policies/plan.ts';
import { presentChannel } from '../presenters/client.ts';
import { presentSlot, presentTopic } from '../presenters/plan.ts';
import { loadClientForChange } from '../tenancy.ts';

const tags = ['exports'];

export const calendarFeedRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/clients/:clientId/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Create a secret iCalendar URL of the posting schedule (any older one stops working)',
        params: clientParams,
        response: { 200: z.object({ url: z.string().describe('Shown once: only its hash is kept.') }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const token = newToken();
      await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canStartCycle);
        await tx
          .update(calendarFeeds)
          .set({ revokedAt: new Date() })
          .where(and(eq(calendarFeeds.clientId, client.id), isNull(calendarFeeds.revokedAt)));
        await tx.insert(calendarFeeds).values({ clientId: client.id, tokenHash: hashToken(token) });
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'calendar_feed.created',
          subjectType: 'client',
          subjectId: client.id,
        });
      });
      return { url: `${ctx.env.publicUrl}/api/feeds/${token}.ics` };
    },
  );

  app.delete(
    '/api/clients/:clientId/calendar-feed',
    {
      schema: {
        tags,
        summary: "Revoke the client's calendar URL",
        params: clientParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const client = await loadClientForChange(tx, actor, request.params.clientId, canStartCycle);
        await tx
          .update(calendarFeeds)
          .set({ revokedAt: new Date() })
          .where(and(eq(calendarFeeds.clientId, client.id), isNull(calendarFeeds.revokedAt)));
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'calendar_feed.revoked',
          subjectType: 'client',
          subjectId: client.id,
        });
      });
      return { ok: true as const };
    },
  );

  // Calendar apps fetch this without cookies: the secret in the URL is the key.
  app.get(
    '/api/feeds/:feed',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The iCalendar feed behind a secret URL (for calendar apps)',
        security: [],
        params: z.object({ feed: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/) }),
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const token = request.params.feed.slice(0, -'.ics'.length);
      const [feed] = await ctx.db
        .select({ client: clients })
        .from(calendarFeeds)
        .innerJoin(clients, eq(clients.id, calendarFeeds.clientId))
        .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
      if (!feed) throw notFound();
      const client = feed.client;
      const slotRows = await ctx.db
        .select({ slot: slots })
        .from(slots)
        .innerJoin(cycles, eq(cycles.id, slots.cycleId))
        .where(and(eq(cycles.clientId, client.id), ne(cycles.stage, 'closed')))
        .orderBy(asc(slots.startsAt));
      const topicRows = await ctx.db.select().from(topics).where(eq(topics.clientId, client.id));
      const body = scheduleIcs({
        clientName: client.name,
        timezone: client.timezone,
        calendarName: `${client.name} · Plit`,
        slots: slotRows.map((r) => presentSlot(r.slot, client.timezone)),
        topics: topicRows.map((t) => presentTopic(t, null)),
        channels: (await ctx.db.select().from(channels).where(eq(channels.clientId, client.id))).map(
          presentChannel,
        ),
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
};
