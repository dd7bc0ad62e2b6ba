import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isSecretUrl } from '../http/secretUrls.ts';

/**
 * Serves the built single-page app from dist/web. Any GET outside /api that is not a file
 * gets index.html, so deep links like /clients/123 work on reload.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const indexFile = path.join(webRoot, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn(`No web build at ${webRoot}; run "npm run build" to serve the app.`);
    return;
  }
  // The build writes each text file beside its .br and .gz (scripts/precompress.ts): the one a
  // browser accepts is sent as it is, with Vary: Accept-Encoding; nothing is compressed per request.
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    cacheControl: false,
    preCompressed: true,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // Hashed assets never change; index.html must always be fresh.
    if (request.url.startsWith('/assets/'))
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    return payload;
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (urlPath.startsWith('/api/') || urlPath === '/api') {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${urlPath}` } });
    }
    const candidate = path.join(webRoot, path.normalize(urlPath));
    const inside = candidate.startsWith(webRoot + path.sep);
    if (inside && statSync(candidate, { throwIfNoEntry: false })?.isFile()) {
      return reply.sendFile(path.relative(webRoot, candidate));
    }
    // The app's page, asked for again on every visit; at a link's address, not kept at all.
    reply.header('cache-control', isSecretUrl(request.url) ? 'no-store' : 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
