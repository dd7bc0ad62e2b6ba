import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, loadActor, touchSession } from '../auth/actor.ts';
import { findSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Db } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { isApiRequest } from '../http/apiRequest.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Resolves the session cookie into an Actor before any handler runs. */
export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !isApiRequest(request)) return;
    const session = await findSession(db, token);
    if (!session) return;
    request.actor = await loadActor(db, session.id, session.userId);
    if (request.actor) await touchSession(db, session.id, session.lastSeenAt);
  });
}

/** The signed-in person, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
