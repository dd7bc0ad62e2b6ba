import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context.ts';
import { presentMe } from '../presenters/me.ts';
import { loadActor } from './actor.ts';
import { rememberDevice } from './devices.ts';
import { type NewSession, setSessionCookie, startSession } from './sessions.ts';

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
  if (stored) setSessionCookie(request, reply, stored);
  else await startSession(ctx.db, request, reply, userId, ctx.env.SESSION_DAYS);
  await rememberDevice(ctx.db, request, reply, userId);
  const actor = await loadActor(ctx.db, '', userId);
  if (!actor) throw new Error(`user ${userId} vanished while signing in`);
  return presentMe(actor);
}
