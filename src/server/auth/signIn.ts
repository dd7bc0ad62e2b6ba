import type { FastifyReply, FastifyRequest } from 'fastify';
import { logOut } from '../commands/accounts/logOut.ts';
import type { Context } from '../context.ts';
import { presentMe } from '../presenters/me.ts';
import { loadActor } from './actor.ts';
import { rememberDevice } from './devices.ts';
import { createSession, type NewSession, originOf, sessionCookieOf, setSessionCookie } from './sessions.ts';

/**
 * The browser's cookie names `session` from now on, and the session it named before (a link's,
 * someone else's on a shared computer, the person's own older one) ends on the server with its
 * sockets: a cookie value replaced in the browser must not live on elsewhere (a copy of it, a
 * log). Its person's other sessions are theirs and stay.
 */
export async function swapSession(
  ctx: Pick<Context, 'db' | 'live'>,
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
): Promise<void> {
  const previous = sessionCookieOf(request);
  setSessionCookie(request, reply, session);
  if (previous && previous !== session.token) await logOut(ctx, previous);
}

/**
 * Start a session for a user who just proved who they are, remember the browser as one of their
 * devices, and answer with /api/me's shape.
 * `stored`: the session the command already stored (a login stores it with its password check).
 */
export async function signIn(
  ctx: Context,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  stored?: NewSession,
) {
  const session = stored ?? (await createSession(ctx.db, userId, ctx.env.SESSION_DAYS, originOf(request)));
  await swapSession(ctx, request, reply, session);
  await rememberDevice(ctx.db, request, reply, userId);
  const actor = await loadActor(ctx.db, '', userId);
  if (!actor) throw new Error(`user ${userId} vanished while signing in`);
  return presentMe(actor);
}
