import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { App } from '../../src/server/context.ts';
import { LIVE_PROTOCOL, livePath, liveSocketUrl } from '../../src/shared/live.ts';

/** Make the in-process app listen on a loopback port, for real WebSocket clients. */
export async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return `127.0.0.1:${port}`;
}

/**
 * A browser-like live connection that records every frame it receives. It speaks the current
 * protocol unless told another one (`null`: an address that names none, as pages did before).
 */
export async function openLive(
  host: string,
  cookie: string | null,
  origin = 'http://plit.test',
  protocol: number | null = LIVE_PROTOCOL,
) {
  const frames: Array<Record<string, unknown>> = [];
  const url = protocol === null ? `ws://${host}${livePath}` : liveSocketUrl(`http://${host}`, protocol);
  const socket = new WebSocket(url, {
    headers: { ...(cookie ? { cookie } : {}), origin },
  });
  const closed = new Promise<{ code: number }>((resolve) => socket.on('close', (code) => resolve({ code })));
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  /** Wait until a frame matching `test` arrives (or fail after `ms`). */
  const next = async (test: (f: Record<string, unknown>) => boolean, ms = 3000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const found = frames.find(test);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(frames)}`);
  };

  return {
    frames,
    closed,
    next,
    send: (message: unknown) => socket.send(JSON.stringify(message)),
    async subscribe(room: string) {
      socket.send(JSON.stringify({ type: 'subscribe', room }));
      return next((f) => (f.type === 'subscribed' || f.type === 'denied') && f.room === room);
    },
    close: () => socket.close(),
  };
}
