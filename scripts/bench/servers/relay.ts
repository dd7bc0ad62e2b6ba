import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { serve } from './harness.ts';

/**
 * The floor: a bare `ws` server that passes every message it receives, as received, to the
 * other sockets of its room (the request path). No parsing, no checks, no state.
 */
await serve(async () => {
  const rooms = new Map<string, Set<WebSocket>>();
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  server.on('connection', (socket, request) => {
    const name = request.url ?? '/';
    let members = rooms.get(name);
    if (!members) {
      members = new Set();
      rooms.set(name, members);
    }
    const room = members;
    room.add(socket);
    socket.on('message', (data, isBinary) => {
      for (const other of room) {
        if (other !== socket && other.readyState === other.OPEN) other.send(data, { binary: isBinary });
      }
    });
    socket.on('close', () => room.delete(socket));
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      for (const socket of server.clients) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
});
