import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { closeCodes, protocolOf } from '../../shared/live.ts';
import type { Actor } from '../auth/actor.ts';
import { liveLinkOf } from '../auth/scopedLinks.ts';
import type { Executor } from '../db/connect.ts';
import { encodeFrame } from './hub.ts';

/**
 * The door of every WebSocket: a page of another site must not listen or edit with the
 * visitor's cookie (closed with 4403; its Origin must be one of Plit's own, whatever its Host
 * header says, see plugins/csrf.ts), and a socket without a session is closed with 4401.
 * With `protocol`, a page that does not say it speaks that version of the live protocol is
 * told the server's version and closed with 4426, before its session is even looked at:
 * reloading is what it needs either way. Returns the person behind the socket, or null once
 * it has been closed.
 */
export function admitSocket(
  socket: WebSocket,
  request: FastifyRequest,
  trustedOrigins: readonly string[],
  options: { protocol?: number } = {},
): Actor | null {
  const origin = request.headers.origin;
  if (origin && !trustedOrigins.includes(origin)) {
    socket.close(closeCodes.foreignOrigin, 'origin');
    return null;
  }
  if (options.protocol !== undefined && protocolOf(request.url) !== options.protocol) {
    socket.send(encodeFrame({ type: 'outdated', protocol: options.protocol }));
    socket.close(closeCodes.outdated, 'outdated');
    return null;
  }
  if (!request.actor) {
    socket.close(closeCodes.unauthorized, 'unauthenticated');
    return null;
  }
  return request.actor;
}

/** How often a socket of a scoped session checks that its link still lives (a test shortens it). */
export const scopeChecks = { everyMs: 30_000 };

/**
 * A socket of a session opened from a scoped link lives only as long as the link: its subject
 * done (the request complete, the month approved, the meeting ended) closes it with 4401 within
 * `scopeChecks.everyMs`, as every REST call of that session is refused at once. Losing access
 * altogether (endAccess) closes it at once, like any socket of the person.
 */
export function watchScope(db: Executor, socket: WebSocket, actor: Actor): void {
  const linkId = actor.scope?.linkId;
  if (!linkId) return;
  const timer = setInterval(() => {
    liveLinkOf(db, linkId)
      .then((link) => {
        if (!link) socket.close(closeCodes.unauthorized, 'link ended');
      })
      .catch(() => undefined);
  }, scopeChecks.everyMs);
  timer.unref();
  socket.on('close', () => clearInterval(timer));
}
