import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, loadActor, touchSession } from '../auth/actor.ts';
import { liveLinkOf, touchLink } from '../auth/scopedLinks.ts';
import { findSession, sessionCookieOf } from '../auth/sessions.ts';
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
    const token = sessionCookieOf(request);
    if (!token || !isApiRequest(request)) return;
    const session = await findSession(db, token);
    if (!session) return;
    // A session opened from a scoped link lives only as long as its link: checked on every
    // request, so a subject done or a contact removed ends it at once (401).
    const link = session.linkId ? await liveLinkOf(db, session.linkId) : null;
    if (session.linkId && !link) return;
    request.actor = await loadActor(db, session.id, session.userId, link?.scope ?? null);
    if (!request.actor) return;
    request.actor.sessionExpiresAt = session.expiresAt;
    await touchSession(db, session.id, session.lastSeenAt);
    if (link) await touchLink(db, link);
  });
}

/** The signed-in person, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
