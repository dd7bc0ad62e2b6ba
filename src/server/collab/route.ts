import type { RawData } from 'ws';
import { endpoints } from '../../shared/api/catalogue.ts';
import { closeCodes } from '../../shared/live.ts';
import type { RouteModule } from '../context.ts';
import { socketRoute } from '../http/route.ts';
import { admitSocket, watchAccess } from '../live/admit.ts';
import {
  collabChangeBudget,
  collabFrameBudget,
  frameBudget,
  PersonBudgets,
  SessionSockets,
} from '../live/budget.ts';
import { awarenessDocument, awarenessThrottle, isDocumentChange } from './awarenessThrottle.ts';
import { changePacer } from './changePacer.ts';

const bytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/**
 * The WebSocket of shared documents (Yjs through Hocuspocus). The socket is checked like the
 * live one (our origin, a session); which documents it may open, and whether it may write,
 * Hocuspocus asks our policies per document when the socket opens it.
 */
export const collabRoutes: RouteModule = (app, ctx) => {
  const sessions = new SessionSockets();
  const changeBudgets = new PersonBudgets(collabChangeBudget);
  socketRoute(app, endpoints.openCollabSocket, (socket, request) => {
    const actor = admitSocket(socket, request, ctx.env.trustedOrigins);
    if (!actor) return;
    // LIVE-SPEC [S3], as on the live socket, with a larger frame budget: Yjs sends while typing.
    if (!sessions.admit(actor.sessionId, socket)) {
      socket.close(closeCodes.overLimit, 'too many sockets');
      return;
    }
    const budget = frameBudget(collabFrameBudget);
    // Hocuspocus reads only the address from the request; the cookie stays here.
    const address = new Request(new URL(request.url, ctx.env.publicUrl));
    const connection = ctx.collab.hocuspocus.handleConnection(socket, address, { actor });
    // Losing access (a contact removed, logged out everywhere) closes this socket too, in
    // every process; the provider reconnects and our policies decide again.
    ctx.live.hub.track(socket, { userId: actor.user.id, sessionId: actor.sessionId });
    watchAccess(ctx.db, socket, actor);
    const awareness = awarenessThrottle((frame) => connection.handleMessage(frame));
    const overLimit = () => socket.close(closeCodes.overLimit, 'too many frames');
    const changes = changePacer(
      socket,
      changeBudgets.hold(actor.user.id, socket),
      isDocumentChange,
      (frame) => {
        const document = awarenessDocument(frame);
        if (document !== null) awareness.push(document, frame);
        else connection.handleMessage(frame);
      },
      overLimit,
    );
    socket.on('message', (data) => {
      if (socket.readyState !== socket.OPEN) return;
      if (!budget.take()) {
        overLimit();
        return;
      }
      changes.push(bytes(data));
    });
    socket.on('close', (code, reason) => {
      changes.stop();
      awareness.stop();
      ctx.live.hub.forget(socket);
      connection.handleClose({ code, reason: reason.toString() });
    });
  });
};
