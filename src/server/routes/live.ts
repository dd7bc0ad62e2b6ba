import { endpoints } from '../../shared/api/catalogue.ts';
import {
  type ClientFrame,
  clientFrame,
  closeCodes,
  LIVE_PROTOCOL,
  meetingOfRoom,
  type ServerFrame,
} from '../../shared/live.ts';
import { pauseTimerLeftBehind } from '../commands/meetings/pauseTimerLeftBehind.ts';
import type { RouteModule } from '../context.ts';
import { socketRoute } from '../http/route.ts';
import { admitSocket, watchAccess } from '../live/admit.ts';
import { frameBudget, liveFrameBudget, roomsPerSocket, SessionSockets } from '../live/budget.ts';
import { encodeFrame } from '../live/hub.ts';
import { mayJoin } from '../live/rooms.ts';
import { currentSeq } from '../live/transact.ts';
import { loadMeeting } from '../meetings/load.ts';
import { sideOf } from '../policies/meeting.ts';

const ACCESS_MEMO_MS = 10_000;

/**
 * One WebSocket per browser tab. The tab asks to join rooms; the server checks each against
 * the same tenancy and policies as the REST API, answers with the room's current number,
 * then forwards every numbered event of that room. Meeting rooms also carry presence and the
 * facilitator's focus, which have no numbers: the latest one is the truth. The frames are
 * src/shared/live.ts's; the rules they keep are LIVE-SPEC.md's.
 *
 * The page says which protocol it speaks in the address (`?protocol=N`). The query is read
 * by hand, not declared in the route's schema: a refused upgrade reaches the browser as a
 * bare failure it cannot tell from a network error, while an `outdated` frame and close code
 * tell it to reload.
 */
export const liveRoutes: RouteModule = (app, ctx) => {
  const sessions = new SessionSockets();
  // One read of a room's number at a time: a flood of subscribes arriving while it runs waits
  // for it instead of queueing reads of its own behind it (and behind everyone's requests).
  const seqReads = new Map<string, Promise<number>>();
  const readSeq = (room: string): number | Promise<number> => {
    const recent = ctx.live.hub.recentSeq(room);
    if (recent !== null) return recent;
    let read = seqReads.get(room);
    if (!read) {
      read = currentSeq(ctx.db, room)
        .then((seq) => ctx.live.hub.rememberSeq(room, seq))
        .finally(() => seqReads.delete(room));
      seqReads.set(room, read);
    }
    return read;
  };
  socketRoute(app, endpoints.openLiveSocket, (socket, request) => {
    const admitted = admitSocket(socket, request, ctx.env.trustedOrigins, { protocol: LIVE_PROTOCOL });
    if (!admitted) return;
    const actor = admitted;
    // LIVE-SPEC [S3]: the new socket is the one refused, so tabs already open keep theirs.
    if (!sessions.admit(actor.sessionId, socket)) {
      socket.close(closeCodes.overLimit, 'too many sockets');
      return;
    }
    const budget = frameBudget(liveFrameBudget);
    // Rooms asked for, joined or being checked: counted before the check, so a burst of
    // subscribes cannot slip past the cap while their policy checks are under way.
    const roomsAsked = new Set<string>();
    const hub = ctx.live.hub;
    const rooms = ctx.meetingRooms;
    const meetingsJoined = new Set<string>();
    // This socket's answers about client rooms, for a while: subscribing again (a page flipping
    // between screens, or a flood) costs no policy check, and subscribes arriving while one is
    // under way wait for it rather than queue their own. Losing access closes the socket (A3).
    const checks = new Map<string, { until: number; allowed: Promise<boolean> }>();
    const mayJoinRoom = (name: string): Promise<boolean> => {
      const known = checks.get(name);
      if (known && known.until > Date.now()) return known.allowed;
      const now = Date.now();
      // Rooms asked for are capped, room names tried are not: old answers go.
      if (checks.size > 2 * roomsPerSocket)
        for (const [room, c] of checks) if (c.until <= now) checks.delete(room);
      const allowed = mayJoin(ctx.db, actor, name);
      // Spread over time: sockets opened together must not all check again in the same instant.
      checks.set(name, { until: now + ACCESS_MEMO_MS * (0.5 + Math.random()), allowed });
      return allowed;
    };
    hub.track(socket, { userId: actor.user.id, sessionId: actor.sessionId });
    watchAccess(ctx.db, socket, actor);
    const send = (frame: ServerFrame) => socket.readyState === socket.OPEN && socket.send(encodeFrame(frame));

    async function subscribe(name: string) {
      if (!roomsAsked.has(name) && roomsAsked.size >= roomsPerSocket) {
        return send({ type: 'error', code: 'too_many_rooms', about: 'subscribe' });
      }
      roomsAsked.add(name);
      const deny = () => {
        roomsAsked.delete(name);
        send({ type: 'denied', room: name });
      };
      const meetingId = meetingOfRoom(name);
      if (meetingId) {
        const found = await loadMeeting(ctx.db, actor, meetingId).catch(() => null);
        if (!found) return deny();
        hub.join(name, socket);
        meetingsJoined.add(meetingId);
        send({ type: 'subscribed', room: name, seq: 0, now: Date.now() });
        rooms.enter(
          name,
          socket,
          { userId: actor.user.id, name: actor.user.name, side: sideOf(actor, found.client) },
          found.meeting.status === 'live',
        );
        return;
      }
      if (!(await mayJoinRoom(name))) return deny();
      // Join first, then read the number: an event committed in between arrives with a
      // higher number, and the client's gap check covers it.
      hub.join(name, socket);
      const seq = await readSeq(name);
      send({ type: 'subscribed', room: name, seq, now: Date.now() });
    }

    socket.on('message', async (raw) => {
      if (socket.readyState !== socket.OPEN) return;
      if (!budget.take()) {
        socket.close(closeCodes.overLimit, 'too many frames');
        return;
      }
      let parsed: ClientFrame;
      try {
        parsed = clientFrame.parse(JSON.parse(raw.toString()));
      } catch {
        send({ type: 'error', code: 'malformed_request' });
        return;
      }
      switch (parsed.type) {
        case 'ping':
          return send({ type: 'pong', now: Date.now() });
        case 'unsubscribe': {
          roomsAsked.delete(parsed.room);
          hub.leave(parsed.room, socket);
          rooms.leave(socket, parsed.room);
          const meetingId = meetingOfRoom(parsed.room);
          if (meetingId) meetingsJoined.delete(meetingId);
          return;
        }
        case 'subscribe':
          return subscribe(parsed.room);
        case 'focus': {
          const moved = meetingsJoined.has(parsed.meetingId)
            ? await rooms.focus(actor, parsed.meetingId, { itemId: parsed.itemId, topicId: parsed.topicId })
            : null;
          if (!moved) return send({ type: 'error', code: 'forbidden', about: 'focus' });
          // Only the current item's timer runs: the one left behind pauses, on the server's clock.
          if (moved.timerLeftRunning && parsed.itemId) {
            await pauseTimerLeftBehind(ctx, actor, parsed.meetingId, parsed.itemId).catch((err: unknown) =>
              ctx.log.warn({ err }, 'pausing the timer left behind failed'),
            );
          }
          return;
        }
      }
    });
    socket.on('close', () => {
      hub.forget(socket);
      rooms.leave(socket);
    });
  });
};
