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

/** The longest a timer may wait (Node's limit, about 24.8 days); a longer wait is taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than its session: when the session expires it is closed with 4401, as
 * every REST call of that session is refused from then on (a tab left open for weeks must not keep
 * hearing and editing). A socket of a session opened from a scoped link also lives only as long as
 * the link: its subject done (the request complete, the month approved, the meeting ended) closes
 * it within `scopeChecks.everyMs`. Losing access altogether (endAccess) closes it at once, like any
 * socket of the person.
 */
export function watchAccess(db: Executor, socket: WebSocket, actor: Actor): void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const expiresAt = actor.sessionExpiresAt?.getTime();
  if (expiresAt !== undefined) {
    const expire = () => {
      const left = expiresAt - Date.now();
      if (left <= 0) socket.close(closeCodes.unauthorized, 'session expired');
      else timers.push(setTimeout(expire, Math.min(left, LONGEST_TIMER_MS)).unref());
    };
    expire();
  }
  const linkId = actor.scope?.linkId;
  if (linkId) {
    const timer = setInterval(() => {
      liveLinkOf(db, linkId)
        .then((link) => {
          if (!link) socket.close(closeCodes.unauthorized, 'link ended');
        })
        .catch(() => undefined);
    }, scopeChecks.everyMs);
    timers.push(timer.unref());
  }
  socket.on('close', () => {
    for (const timer of timers) clearTimeout(timer);
  });
}
