import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Actor } from '../auth/actor.ts';

/**
 * The door of every WebSocket: a page of another site must not listen or edit with the
 * visitor's cookie (closed with 4403), and a socket without a session is closed with 4401.
 * Returns the person behind the socket, or null once it has been closed.
 */
export function admitSocket(socket: WebSocket, request: FastifyRequest, publicUrl: string): Actor | null {
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.host}`;
  if (origin && origin !== own && origin !== new URL(publicUrl).origin) {
    socket.close(4403, 'origin');
    return null;
  }
  if (!request.actor) {
    socket.close(4401, 'unauthenticated');
    return null;
  }
  return request.actor;
}
