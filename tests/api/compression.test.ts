import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress.ts';
import { registerWeb } from '../../src/server/plugins/web.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { makeCycle } from '../support/planning.ts';

/** A built web app in miniature: a page, a hashed script, a small icon, precompressed as the build does. */
function builtWeb() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plit-web-'));
  mkdirSync(path.join(root, 'assets'));
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `слово ${i}`))};\n`;
  writeFileSync(path.join(root, 'assets', 'index-abc123.js'), script);
  writeFileSync(path.join(root, 'assets', 'tiny-abc123.js'), 'export {};\n');
  writeFileSync(path.join(root, 'index.html'), `<!doctype html><title>Plit</title>${' '.repeat(2000)}`);
  return { root, script, compressed: precompressDir(root) };
}

describe('[19.1] the web app’s files, compressed at build time', () => {
  let web: ReturnType<typeof builtWeb>;
  let app: FastifyInstance;
  beforeAll(async () => {
    web = builtWeb();
    app = Fastify();
    await registerWeb(app, web.root);
  });
  afterAll(async () => {
    await app.close();
    rmSync(web.root, { recursive: true, force: true });
  });
  const get = (url: string, encoding?: string) =>
    app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('[19.1] writes .br and .gz beside each text file over 1 KB, and only those', () => {
    expect(web.compressed).toBe(2);
    const file = path.join(web.root, 'assets', 'index-abc123.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(web.script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(web.script);
    expect(() => readFileSync(path.join(web.root, 'assets', 'tiny-abc123.js.br'))).toThrow();
  });

  it('[19.1] sends the encoding the browser accepts, kept for a year, and the plain file to one that accepts none', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(web.script);
    expect(br.rawPayload.length).toBeLessThan(web.script.length / 3);

    const gzip = await get('/assets/index-abc123.js', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(web.script);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(web.script);
  });

  it('[19.1] the page itself is never kept, compressed or not', async () => {
    const page = await get('/clients/1', 'gzip');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(page.rawPayload).toString()).toContain('<title>Plit</title>');
  });
});

describe('[19.1] API answers over 1 KB, compressed on request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const get = (url: string, encoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('[19.1] a large JSON answer goes as brotli or gzip, a small one as it is', async () => {
    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get('/api/openapi.json', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    const gzip = await get('/api/openapi.json', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());

    const health = await get('/api/health', 'gzip, br');
    expect(health.rawPayload.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('[19.1] a create’s answer is kept for its retries as it is, whatever the browser accepts', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency);
    const create = () =>
      api(t.app, endpoints.createTopic, {
        params: { cycleId: cycle.id },
        // Over 1 KB of answer: compressed, it reached the idempotency store as a stream and was lost.
        body: { title: 'Зерно тижня', angle: 'Чому ця кава пахне ягодами. '.repeat(60) },
        cookie: agency.contentManager.cookie,
        headers: { 'idempotency-key': 'k-compressed-create', 'accept-encoding': 'gzip, deflate, br' },
      });
    const first = await create();
    expect(first.status).toBe(201);
    expect(first.raw.length).toBeGreaterThan(1024);
    const again = await create();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.topic.id).toBe(first.body.topic.id);
  });
});
