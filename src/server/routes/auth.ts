import { eq } from 'drizzle-orm';
import { ok } from '../../shared/api/common.ts';
import { emailOnlyBody, loginBody, me, resetPasswordBody, tokenBody } from '../../shared/api/me.ts';
import { loadActor } from '../auth/actor.ts';
import { consumeEmailToken, issueEmailToken } from '../auth/emailTokens.ts';
import { assertLoginAllowed, recordLoginAttempt } from '../auth/loginLimits.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { clearSessionCookie, SESSION_COOKIE } from '../auth/sessions.ts';
import { signIn } from '../auth/signIn.ts';
import { hashToken } from '../auth/tokens.ts';
import { mailAgencyOf } from '../commands/mailAgencyOf.ts';
import type { RouteModule } from '../context.ts';
import { sessions, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { revokeFactLinks } from '../facts/links.ts';
import { transact } from '../live/transact.ts';
import { magicLinkEmail, passwordResetEmail } from '../mail/templates.ts';

const tags = ['auth'];
const emailLimit = { rateLimit: { max: 5, timeWindow: '15 minutes' } };

export const authRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 60, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: 'Log in with email and password; sets the session cookie',
        security: [],
        body: loginBody,
        response: { 200: me },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await assertLoginAllowed(ctx.db, email, request.ip);
      const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
      const valid = await verifyPassword(user?.passwordHash ?? null, password);
      await recordLoginAttempt(ctx.db, email, request.ip, valid);
      if (!user || !valid) throw new AppError('invalid_credentials');
      return signIn(ctx, request, reply, user.id);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'End this session', response: { 200: ok } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await ctx.db.delete(sessions).where(eq(sessions.id, hashToken(token)));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: emailLimit,
      schema: {
        tags,
        summary: 'Email a password-reset link (answers the same whether or not the account exists)',
        security: [],
        body: emailOnlyBody,
        response: { 202: ok },
      },
    },
    async (request, reply) => {
      const [user] = await ctx.db.select().from(users).where(eq(users.email, request.body.email)).limit(1);
      if (user) {
        const token = await issueEmailToken(ctx.db, user.id, 'password_reset');
        const email = passwordResetEmail(`${ctx.env.publicUrl}/reset-password/${token}`);
        await ctx.mailer.send({ ...email, to: user.email, agencyId: await mailAgencyOf(ctx.db, user.id) });
      }
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: emailLimit,
      schema: {
        tags,
        summary: 'Set a new password with an emailed link; logs in',
        security: [],
        body: resetPasswordBody,
        response: { 200: me },
      },
    },
    async (request, reply) => {
      const userId = await transact(ctx, async (tx) => {
        const id = await consumeEmailToken(tx, request.body.token, 'password_reset');
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(request.body.password) })
          .where(eq(users.id, id));
        // A reset means the old password may be known to someone else: end every session.
        await tx.delete(sessions).where(eq(sessions.userId, id));
        await revokeFactLinks(tx, id);
        return id;
      });
      await ctx.live.dropUser(userId);
      return signIn(ctx, request, reply, userId);
    },
  );

  app.post(
    '/api/auth/magic-link',
    {
      config: emailLimit,
      schema: {
        tags,
        summary: 'Email a one-time sign-in link to a client contact (answers the same for any email)',
        security: [],
        body: emailOnlyBody,
        response: { 202: ok },
      },
    },
    async (request, reply) => {
      const [user] = await ctx.db.select().from(users).where(eq(users.email, request.body.email)).limit(1);
      const actor = user ? await loadActor(ctx.db, '', user.id) : null;
      // Password-less sign-in is for client contacts; agency members hold wider rights and use passwords.
      if (user && actor && actor.agency === null && actor.contactOf.size > 0) {
        const token = await issueEmailToken(ctx.db, user.id, 'magic_link');
        const email = magicLinkEmail(`${ctx.env.publicUrl}/magic/${token}`);
        await ctx.mailer.send({ ...email, to: user.email, agencyId: await mailAgencyOf(ctx.db, user.id) });
      }
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/magic-link/confirm',
    {
      config: emailLimit,
      schema: {
        tags,
        summary: 'Sign in with an emailed one-time link',
        security: [],
        body: tokenBody,
        response: { 200: me },
      },
    },
    async (request, reply) => {
      const userId = await consumeEmailToken(ctx.db, request.body.token, 'magic_link');
      return signIn(ctx, request, reply, userId);
    },
  );
};
