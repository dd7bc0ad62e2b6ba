import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../shared/api/common.ts';
import { notification } from '../../shared/api/facts.ts';
import { notificationSettings } from '../../shared/api/posts.ts';
import type { RouteModule } from '../context.ts';
import { notifications, users } from '../db/schema/index.ts';
import { requireActor } from '../plugins/auth.ts';

const tags = ['notifications'];

/** Each person's bell: only their own notifications, ever. */
export const notificationRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My latest notifications, newest first, and how many are unread',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: z.object({ notifications: z.array(notification), unread: z.int() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const mine = eq(notifications.userId, actor.user.id);
      const rows = await ctx.db
        .select()
        .from(notifications)
        .where(mine)
        .orderBy(desc(notifications.createdAt))
        .limit(request.query.limit);
      const [unread] = await ctx.db
        .select({ n: count() })
        .from(notifications)
        .where(and(mine, isNull(notifications.readAt)));
      return {
        notifications: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          data: r.data,
          link: r.link,
          readAt: r.readAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
        })),
        unread: unread?.n ?? 0,
      };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark some of my notifications read, or all of them when no ids are given',
        body: z.object({ ids: z.array(z.uuid()).max(100).optional() }),
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { ids } = request.body;
      await ctx.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.userId, actor.user.id),
            isNull(notifications.readAt),
            ids ? inArray(notifications.id, ids) : undefined,
          ),
        );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'How what waits for me reaches my inbox',
        response: { 200: notificationSettings },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [row] = await ctx.db
        .select({ email: users.emailNotifications })
        .from(users)
        .where(eq(users.id, actor.user.id));
      return { email: row?.email ?? 'instant' };
    },
  );

  app.put(
    '/api/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'Email me at once, once a day (a digest), or not at all; the bell keeps everything',
        body: notificationSettings,
        response: { 200: notificationSettings },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { email } = request.body;
      await ctx.db.transaction(async (tx) => {
        await tx.update(users).set({ emailNotifications: email }).where(eq(users.id, actor.user.id));
        // Turning email off drops what was waiting for the next digest.
        if (email === 'off') {
          await tx
            .update(notifications)
            .set({ emailPending: false })
            .where(and(eq(notifications.userId, actor.user.id), eq(notifications.emailPending, true)));
        }
      });
      return { email };
    },
  );
};
