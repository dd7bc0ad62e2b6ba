import type { Server } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { closeCodes } from '../../shared/live.ts';
import { AppError } from '../errors.ts';
import { cutAfterAnswer } from '../facts/upload.ts';

/**
 * What a client refused during a stop is told to wait: behind a proxy another node answers the
 * retry at once; a single node is usually back within a few seconds.
 */
const RETRY_AFTER_SECONDS = 3;

/**
 * After the grace period, how long requests whose whole body arrived may still take to finish
 * (a transaction under way) before their connections are cut: cutting one sooner would leave
 * its client not knowing whether the write happened.
 */
const FINISH_CAP_MS = 5000;

const serverStopping = () =>
  new AppError('server_stopping', { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } });

type Phase = 'serving' | 'draining' | 'closing';

interface InFlight {
  request: FastifyRequest;
  reply: FastifyReply;
}

interface StopState {
  phase: Phase;
  inFlight: Set<InFlight>;
  /** Resolves whenever the last request in flight ends. */
  idle: Array<() => void>;
}

const states = new WeakMap<FastifyInstance, StopState>();

/**
 * Hooks that let `stopGracefully` see every request in flight and answer the ones arriving on
 * kept-alive connections during a stop. Registered before any route, so they cover all.
 */
export function watchRequestsForStop(app: FastifyInstance): void {
  const state: StopState = { phase: 'serving', inFlight: new Set(), idle: [] };
  states.set(app, state);
  app.addHook('onRequest', async (request, reply) => {
    // A socket upgrade is not a request in flight: sockets are closed with a code of their own.
    if (request.headers.upgrade) return;
    if (state.phase !== 'serving') {
      // Every answer from now on says the connection ends with it, so a kept-alive client
      // opens a new one (to another node) instead of writing into a closing socket.
      reply.header('connection', 'close');
    }
    // Past the grace period a new request is not started: the database is about to close.
    if (state.phase === 'closing') throw serverStopping();
    const entry = { request, reply };
    state.inFlight.add(entry);
    reply.raw.once('close', () => {
      state.inFlight.delete(entry);
      if (state.inFlight.size === 0) for (const resolve of state.idle.splice(0)) resolve();
    });
  });
}

/**
 * The servers Fastify listens with: the main one and, for a host name with several addresses
 * (`localhost` as 127.0.0.1 and ::1), one more per address. Fastify closes those only once the
 * main one has no connection left, so for the whole grace period they would go on accepting.
 * Fastify keeps them under a symbol of its own; found by its description.
 */
function listeningServers(app: FastifyInstance): Server[] {
  const symbol = Object.getOwnPropertySymbols(app).find((s) => s.description === 'fastify.serverBindings');
  const more = symbol ? ((app as unknown as Record<symbol, unknown>)[symbol] as Server[] | undefined) : [];
  return [app.server, ...(more ?? [])];
}

/**
 * Stop serving without dropping what is under way (issue 16, item 6):
 * 1. stop accepting at once: the listening sockets close, so new connections are refused (a
 *    proxy sends them to another node); idle kept-alive connections are closed, and busy ones
 *    end with their current answer (`Connection: close`);
 * 2. sockets, live and shared documents, close with 1001 (going away): pages reconnect at once,
 *    through the proxy to another node, or back here after a restart;
 * 3. requests in flight get one grace period; an upload whose bytes are still arriving at its
 *    end is answered 503 `server_stopping` with Retry-After (nothing of it was stored), and its
 *    client retries it with the same idempotency key;
 * 4. then Fastify closes (workers stop, shared documents finish their writes).
 * The caller closes the bus and the database afterwards.
 */
export async function stopGracefully(app: FastifyInstance, graceMs: number): Promise<void> {
  const state = states.get(app);
  if (!state) throw new Error('watchRequestsForStop was not registered on this app');
  state.phase = 'draining';
  // A request already on its way over an idle connection can still meet this close: the one
  // race HTTP keep-alive leaves open. Clients resend such a request on a new connection (the
  // idempotency key makes that safe for a POST); every other client gets a clean answer.
  for (const server of listeningServers(app)) {
    server.close();
    server.closeIdleConnections();
  }
  for (const { reply } of state.inFlight) if (!reply.sent) reply.header('connection', 'close');
  closeSockets(app);

  if (state.inFlight.size > 0) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => state.idle.push(resolve)),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
  }
  state.phase = 'closing';
  for (const { request, reply } of state.inFlight) {
    // The whole body arrived: the handler is at work (a transaction) and is let finish.
    if (request.raw.complete || reply.sent) continue;
    refuseUnfinishedUpload(request, reply);
  }

  // Connections still open after the cap (a handler that never answers) are cut, or the
  // process would never exit.
  const cap = setTimeout(() => {
    for (const server of listeningServers(app)) server.closeAllConnections();
  }, FINISH_CAP_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(cap);
  }
}

/**
 * A body still arriving: fail its reader with `server_stopping`, so the handler unwinds as on a
 * torn upload (storage keeps nothing of it) and the error handler answers 503 with Retry-After.
 * Multipart and Fastify's body parser both listen for the request's errors; a request nothing
 * reads is answered directly. The rest of the body is read and dropped for a moment, so the
 * sender sees the answer instead of a reset.
 */
function refuseUnfinishedUpload(request: FastifyRequest, reply: FastifyReply): void {
  if (request.raw.listenerCount('error') > 0) request.raw.emit('error', serverStopping());
  else void reply.code(503).send(serverStopping());
  request.raw.resume();
  cutAfterAnswer(request.raw);
}

/** Close every open socket (live events, shared documents) with "going away". */
export function closeSockets(app: FastifyInstance): void {
  const server = (
    app as unknown as { websocketServer?: { clients: Set<{ close(code: number, reason: string): void }> } }
  ).websocketServer;
  for (const client of server?.clients ?? []) client.close(closeCodes.goingAway, 'server stopping');
}
