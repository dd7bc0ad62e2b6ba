import { endpoints } from '../../shared/api/catalogue.ts';
import { urlOf } from '../../shared/api/endpoint.ts';
import { createCalendarFeed } from '../commands/planning/createCalendarFeed.ts';
import { revokeCalendarFeed } from '../commands/planning/revokeCalendarFeed.ts';
import type { RouteModule } from '../context.ts';
import { scheduleIcs } from '../exports/ics.ts';
import { route } from '../http/route.ts';
import { scheduleOfFeed } from '../planning/queries.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentChannel } from '../presenters/client.ts';
import { presentSlot, presentTopic } from '../presenters/plan.ts';

export const calendarFeedRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.createCalendarFeed, async (request) => {
    const token = await createCalendarFeed(ctx, requireActor(request), request.params.clientId);
    return {
      url: ctx.env.publicUrl + urlOf(endpoints.getCalendarFeed, { params: { feed: `${token}.ics` } }),
    };
  });

  route(app, endpoints.revokeCalendarFeed, async (request) => {
    await revokeCalendarFeed(ctx, requireActor(request), request.params.clientId);
    return { ok: true as const };
  });

  route(
    app,
    endpoints.getCalendarFeed,
    async (request, reply) => {
      const token = request.params.feed.slice(0, -'.ics'.length);
      const { client, slots, topics, channels } = await scheduleOfFeed(ctx.db, token);
      const body = scheduleIcs({
        clientName: client.name,
        timezone: client.timezone,
        calendarName: `${client.name} · Plit`,
        slots: slots.map((slot) => presentSlot(slot, client.timezone)),
        topics: topics.map((topic) => presentTopic(topic, null)),
        channels: channels.map(presentChannel),
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
  );
};
