import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { mayJoin } from '../live/rooms.ts';
import { currentSeq } from '../live/transact.ts';

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), room: z.string().max(100) }),
  z.object({ type: z.literal('unsubscribe'), room: z.string().max(100) }),
  z.object({ type: z.literal('ping') }),
]);

/**
 * One WebSocket per browser tab. The tab asks to join rooms; the server checks each against
 * the same tenancy and policies as the REST API, answers with the room's current number,
 * then forwards every numbered event of that room.
 */
export const liveRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/live',
    {
      websocket: true,
      schema: { tags: ['live'], summary: 'WebSocket of live plan updates (subscribe to client rooms)' },
    },
    (socket, request) => {
      const actor = request.actor;
      const origin = request.headers.origin;
      const own = `${request.protocol}://${request.host}`;
      // A page of another site must not listen with the visitor's cookie.
      if (origin && origin !== own && origin !== new URL(ctx.env.publicUrl).origin) {
        socket.close(4403, 'origin');
        return;
      }
      if (!actor) {
        socket.close(4401, 'unauthenticated');
        return;
      }
      const hub = ctx.live.hub;
      hub.track(socket, actor.user.id);
      const send = (payload: unknown) =>
        socket.readyState === socket.OPEN && socket.send(JSON.stringify(payload));

      socket.on('message', async (raw) => {
        let parsed: z.infer<typeof clientMessage>;
        try {
          parsed = clientMessage.parse(JSON.parse(raw.toString()));
        } catch {
          send({ type: 'error', code: 'malformed_request' });
          return;
        }
        if (parsed.type === 'ping') return send({ type: 'pong' });
        if (parsed.type === 'unsubscribe') return hub.leave(parsed.room, socket);
        if (!(await mayJoin(ctx.db, actor, parsed.room))) return send({ type: 'denied', room: parsed.room });
        // Join first, then read the number: an event committed in between arrives with a
        // higher number, and the client's gap check covers it.
        hub.join(parsed.room, socket);
        send({ type: 'subscribed', room: parsed.room, seq: await currentSeq(ctx.db, parsed.room) });
      });
      socket.on('close', () => hub.forget(socket));
    },
  );
};
