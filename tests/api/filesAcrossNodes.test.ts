import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import type { Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { factFiles } from '../../src/server/db/schema/index.ts';
import { loadEnv } from '../../src/server/env.ts';
import { storageFromEnv } from '../../src/server/files/fromEnv.ts';
import type { FileStorage } from '../../src/server/files/storage.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import type { PostFull } from '../../src/shared/api/posts.ts';
import { engines } from '../support/engines.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency } from '../support/factories.ts';
import { makeSentRequest } from '../support/facts.ts';
import { api, caller, raw } from '../support/http.ts';
import { makeWritingMonth } from '../support/posts.ts';
import { startS3, type TestS3 } from '../support/s3.ts';
import { makePng, multipart, upload } from '../support/uploads.ts';

/**
 * Two nodes on one database, as behind a load balancer: each has its own data folder, and both
 * keep files in one S3-compatible bucket (s3rver on loopback). Before issue 16 each kept its
 * uploads on its own disk, and the other answered 404 or a fact pack without the photo.
 */
interface Node {
  app: App;
  dataDir: string;
  log: string[];
}

let s3: TestS3;
let database: Database;
let a: Node;
let b: Node;
/** The bucket as the nodes see it, to take a file's bytes away behind their backs. */
let bucket: FileStorage;

async function startNode(storageEnv: Record<string, string> = s3.env): Promise<Node> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 's3-node-'));
  const log: string[] = [];
  const env = loadEnv({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://plit.test',
    LOG_LEVEL: 'warn',
    PLIT_DATA_DIR: dataDir,
    ...storageEnv,
  });
  const app = await buildApp({
    env,
    database,
    webRoot: null,
    logStream: new Writable({
      write(line, _encoding, done) {
        log.push(String(line));
        done();
      },
    }),
  });
  await app.ready();
  return { app, dataDir, log };
}

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(() => s3?.close());

const storageKeyOf = async (fileId: string) =>
  (await database.db.select().from(factFiles).where(eq(factFiles.id, fileId)))[0]!.storageKey;

/** A fresh agency whose sent fact request asks for photos. */
async function photosItem() {
  const agency = await makeAgency(database.db);
  const sent = await makeSentRequest(database.db, agency, [{ question: 'Фото пачки', kind: 'files' }]);
  return { agency, sent, item: sent.items[0]! };
}

// Each engine's suite runs after the one before it has closed: they share these variables in turn.
describe.each(engines())('[16.1] files across two nodes on one bucket ($name)', (engine) => {
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ database, dispose } = await engine.open());
    await migrate(database);
    a = await startNode();
    b = await startNode();
    bucket = storageFromEnv({ ...loadEnv(s3.env), dataDir: a.dataDir });
  });
  afterAll(async () => {
    for (const node of [a, b]) {
      await node?.app.close();
      if (node) await rm(node.dataDir, { recursive: true, force: true });
    }
    await bucket?.close();
    await dispose?.();
  });

  it('[16.1] a post asset uploaded through node A downloads through node B, with the same headers', async () => {
    const agency = await makeAgency(database.db);
    const plan = await makeWritingMonth(database.db, agency);
    const created = await caller(a.app, agency.contentManager.cookie)(endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[0]!.id },
    });
    expect(created.status).toBe(201);
    const png = makePng(40, 30);
    const { body, contentType } = multipart('фото.png', png, 'image/png');
    const uploaded = await raw(
      a.app,
      'POST',
      urlOf(endpoints.uploadPostAsset, { params: { postId: created.body.post.id } }),
      { cookie: agency.contentManager.cookie, body, headers: { 'content-type': contentType } },
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const asset = (uploaded.body as PostFull).post.assets[0]!;

    const got = await api(b.app, endpoints.downloadPostAsset, {
      params: { assetId: asset.id },
      cookie: agency.creator.cookie,
    });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.raw.equals(png)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-length']).toBe(String(png.length));
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    // Nothing went to either node's disk.
    for (const node of [a, b]) await expect(stat(path.join(node.dataDir, 'files'))).rejects.toThrow(/ENOENT/);
  });

  it('[16.1] a fact pack through node B holds the photo uploaded through node A', async () => {
    const { agency, sent, item } = await photosItem();
    const png = makePng(12, 12);
    expect((await upload(a.app, item.id, agency.approver.cookie, 'пачка.png', png)).status).toBe(201);
    const res = await api(b.app, endpoints.downloadFactPack, {
      params: { requestId: sent.request.id, topicId: sent.plan.topics[0]!.id },
      cookie: agency.creator.cookie,
    });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(res.raw);
    const photos = Object.keys(zip.files).filter((n) => n.endsWith('.png'));
    expect(photos).toHaveLength(1);
    expect((await zip.file(photos[0]!)!.async('nodebuffer')).equals(png)).toBe(true);
    const text = await zip.file('answers.txt')!.async('string');
    expect(text).toContain('   - пачка.png\r\n');
    expect(text).not.toContain('немає у сховищі');
  });

  it('[16.1] a file whose bytes are gone answers file_missing, logged with its key; others still get not_found', async () => {
    const { agency, item } = await photosItem();
    const uploaded = await upload(a.app, item.id, agency.approver.cookie, 'пачка.png', makePng(9, 9));
    const fileId: string = uploaded.body.request.items[0].files[0].id;
    const key = await storageKeyOf(fileId);
    await bucket.remove(key);

    const res = await api(b.app, endpoints.downloadFactFile, {
      params: { fileId },
      cookie: agency.creator.cookie,
    });
    expect(res.status).toBe(404);
    expect(errorOf(res)).toEqual({
      code: 'file_missing',
      message: 'This file is missing from storage. Ask for it to be uploaded again.',
    });
    const logged = b.log.map((line) => JSON.parse(line)).find((l) => l.msg === 'file missing from storage');
    expect(logged).toMatchObject({ level: 50, storageKey: key });
    // Authorization comes first: someone who may not see the file learns nothing new.
    const outsider = await makeAgency(database.db);
    const refused = await api(b.app, endpoints.downloadFactFile, {
      params: { fileId },
      cookie: outsider.owner.cookie,
    });
    expect(errorOf(refused).code).toBe('not_found');
  });

  it('[16.1] with the S3 server stopped, an upload answers 503 storage_unavailable with Retry-After and a download 503, logged with the error', async () => {
    // A bucket of its own, stopped mid-test; the other tests keep theirs.
    const doomed = await startS3('plit-gone');
    const c = await startNode(doomed.env);
    try {
      const { agency, item } = await photosItem();
      const before = await upload(c.app, item.id, agency.approver.cookie, 'пачка.png', makePng(9, 9));
      expect(before.status, JSON.stringify(before.body)).toBe(201);
      const fileId: string = before.body.request.items[0].files[0].id;
      await doomed.close();

      const refused = await upload(c.app, item.id, agency.approver.cookie, 'етикетка.png', makePng(8, 8));
      expect(refused.status, JSON.stringify(refused.body)).toBe(503);
      expect(errorOf(refused).code).toBe('storage_unavailable');
      expect(refused.headers['retry-after']).toBe('30');
      const download = await api(c.app, endpoints.downloadFactFile, {
        params: { fileId },
        cookie: agency.creator.cookie,
      });
      expect(download.status).toBe(503);
      expect(errorOf(download).code).toBe('storage_unavailable');
      expect(download.headers['retry-after']).toBe('30');
      const logged = c.log
        .map((line) => JSON.parse(line))
        .filter((l) => l.msg === 'file storage unavailable');
      expect(logged).toHaveLength(2);
      expect(logged[0]).toMatchObject({ level: 50, err: { code: 'ECONNREFUSED' } });
    } finally {
      await c.app.close();
      await rm(c.dataDir, { recursive: true, force: true });
      await doomed.close().catch(() => {});
    }
  });

  it('[16.1] S3 refusing the request (AccessDenied, a service error) answers 503 storage_unavailable, not 400', async () => {
    // Keys revoked after start-up: s3rver refuses an unknown key id with 403, as AWS would.
    const c = await startNode({ ...s3.env, S3_ACCESS_KEY_ID: 'REVOKED', S3_SECRET_ACCESS_KEY: 'REVOKED' });
    try {
      const { agency, item } = await photosItem();
      const stored = await upload(a.app, item.id, agency.approver.cookie, 'пачка.png', makePng(9, 9));
      const fileId: string = stored.body.request.items[0].files[0].id;

      const refused = await upload(c.app, item.id, agency.approver.cookie, 'етикетка.png', makePng(8, 8));
      expect(refused.status, JSON.stringify(refused.body)).toBe(503);
      expect(errorOf(refused).code).toBe('storage_unavailable');
      expect(refused.headers['retry-after']).toBe('30');
      const download = await api(c.app, endpoints.downloadFactFile, {
        params: { fileId },
        cookie: agency.creator.cookie,
      });
      expect(download.status).toBe(503);
      expect(errorOf(download).code).toBe('storage_unavailable');
      const logged = c.log.map((line) => JSON.parse(line)).find((l) => l.msg === 'file storage unavailable');
      expect(logged).toMatchObject({ level: 50, err: { $metadata: { httpStatusCode: 403 } } });
    } finally {
      await c.app.close();
      await rm(c.dataDir, { recursive: true, force: true });
    }
  });

  it('[16.1] an upload cut off by the browser still answers 400 validation_failed on S3', async () => {
    const { agency, item } = await photosItem();
    const torn = await raw(a.app, 'POST', `/api/fact-items/${item.id}/files`, {
      cookie: agency.approver.cookie,
      body: Buffer.concat([
        Buffer.from('--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n'),
        makePng(),
      ]),
      headers: { 'content-type': 'multipart/form-data; boundary=XX' },
    });
    expect(torn.status).toBe(400);
    expect(errorOf(torn).code).toBe('validation_failed');
    expect(errorOf(torn).fields?.file).toMatch(/cut off/);
  });

  it('[16.1] a fact pack names a file missing from storage in answers.txt and still holds the others', async () => {
    const { agency, sent, item } = await photosItem();
    const kept = makePng(10, 10);
    await upload(a.app, item.id, agency.approver.cookie, 'пачка.png', kept);
    const gone = await upload(a.app, item.id, agency.approver.cookie, 'етикетка.png', makePng(11, 11));
    const goneFile = (gone.body.request.items[0].files as Array<{ id: string; name: string }>).find(
      (f) => f.name === 'етикетка.png',
    )!;
    const key = await storageKeyOf(goneFile.id);
    await bucket.remove(key);

    const res = await api(b.app, endpoints.downloadFactPack, {
      params: { requestId: sent.request.id, topicId: sent.plan.topics[0]!.id },
      cookie: agency.creator.cookie,
    });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(res.raw);
    const photos = Object.keys(zip.files).filter((n) => n.endsWith('.png'));
    expect(photos.map((p) => path.basename(p))).toEqual(['пачка.png']);
    expect((await zip.file(photos[0]!)!.async('nodebuffer')).equals(kept)).toBe(true);
    const text = await zip.file('answers.txt')!.async('string');
    expect(text).toContain('   - пачка.png\r\n');
    expect(text).toContain('   - етикетка.png — файлу немає у сховищі, в архів не ввійшов\r\n');
    const logged = b.log.map((line) => JSON.parse(line)).find((l) => l.storageKeys?.includes(key));
    expect(logged).toMatchObject({ level: 50 });
  });
});
