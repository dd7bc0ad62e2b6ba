import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../shared/api/common.ts';
import { changePasswordBody, me, session, updateMeBody } from '../../shared/api/me.ts';
import { loadActor } from '../auth/actor.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { clearSessionCookie } from '../auth/sessions.ts';
import type { RouteModule } from '../context.ts';
import { sessions, users } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { revokeFactLinks } from '../facts/links.ts';
import { requireActor } from '../plugins/auth.ts';
import { presentMe, presentSession } from '../presenters/me.ts';

const tags = ['me'];

export const meRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, their agency, role and client memberships',
        response: { 200: me },
      },
    },
    async (request) => presentMe(requireActor(request)),
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Change your name or interface language',
        body: updateMeBody,
        response: { 200: me },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { name, locale } = request.body;
      if (name !== undefined || locale !== undefined) {
        await ctx.db
          .update(users)
          .set({ ...(name !== undefined && { name }), ...(locale !== undefined && { locale }) })
          .where(eq(users.id, actor.user.id));
      }
      return presentMe((await loadActor(ctx.db, actor.sessionId, actor.user.id))!);
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: 'Set or change your password',
        body: changePasswordBody,
        response: { 200: ok },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.user.id)).limit(1);
      if (!user) throw new AppError('unauthenticated');
      if (
        user.passwordHash &&
        !(await verifyPassword(user.passwordHash, request.body.currentPassword ?? ''))
      ) {
        // A form answer, not 401: the person is signed in, and a 401 would send them to the login page.
        throw new AppError('validation_failed', {
          message: 'currentPassword: The current password is wrong.',
          fields: { currentPassword: 'The current password is wrong.' },
        });
      }
      await ctx.db
        .update(users)
        .set({ passwordHash: await hashPassword(request.body.newPassword) })
        .where(eq(users.id, user.id));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/sessions',
    {
      schema: {
        tags,
        summary: 'Your signed-in sessions (browsers and devices)',
        response: { 200: z.object({ sessions: z.array(session) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await ctx.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, actor.user.id))
        .orderBy(sessions.lastSeenAt);
      return { sessions: rows.reverse().map((row) => presentSession(row, actor.sessionId)) };
    },
  );

  app.delete(
    '/api/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Log out one session',
        params: z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{16}$/) }),
        response: { 200: ok },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const removed = await ctx.db
        .delete(sessions)
        .where(
          and(
            eq(sessions.userId, actor.user.id),
            eq(sql`left(${sessions.id}, 16)`, request.params.sessionId),
          ),
        )
        .returning({ id: sessions.id });
      if (removed.length === 0) throw notFound();
      if (removed.some((r) => r.id === actor.sessionId)) clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/sessions',
    { schema: { tags, summary: 'Log out everywhere, this session included', response: { 200: ok } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await ctx.db.delete(sessions).where(eq(sessions.userId, actor.user.id));
      await revokeFactLinks(ctx.db, actor.user.id);
      clearSessionCookie(reply);
      await ctx.live.dropUser(actor.user.id);
      return { ok: true as const };
    },
  );
};
