import { Server } from '@hocuspocus/server';
import { serve } from './harness.ts';

/**
 * The collaboration server we already run for notes: a stateless message from one provider is
 * broadcast to every connection of the document (Hocuspocus encodes it once per document).
 */
await serve(async () => {
  const server = new Server({
    address: '127.0.0.1',
    port: 0,
    quiet: true,
    stopOnSignals: false,
    async onStateless({ document, payload }) {
      document.broadcastStateless(payload);
    },
  });
  await server.listen();
  return { port: server.address.port, stop: () => server.destroy() };
});
