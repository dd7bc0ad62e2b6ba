import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * API answers of text over 1 KB go compressed to a client that asks (a plan is ~17 KB of JSON, a
 * phone on mobile data reads it in a third of the bytes). Files that are compressed already
 * (decks, PDFs, ZIPs, images) are left alone by type; the web app's own files are compressed at
 * build time and served as they are (plugins/web.ts). Brotli at quality 4: at the default 11 it
 * costs more CPU per answer than the plan read itself.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: /^(application\/(json|problem\+json)|text\/(csv|calendar|plain))\b/,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
