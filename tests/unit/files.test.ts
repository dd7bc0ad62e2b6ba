import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/server/env.ts';
import { buildFactPack } from '../../src/server/facts/pack.ts';
import { attachmentDisposition, sanitizeFileName } from '../../src/server/files/fileName.ts';
import { detectFileType } from '../../src/server/files/fileType.ts';
import { storageFromEnv } from '../../src/server/files/fromEnv.ts';
import { createS3Client } from '../../src/server/files/s3Storage.ts';
import {
  createDiskStorage,
  type FileStorage,
  FileStorageError,
  filesDirOf,
  newFileKey,
} from '../../src/server/files/storage.ts';
import type { FactItemFull } from '../../src/shared/api/facts.ts';
import { S3RVER_KEY, startS3, type TestS3 } from '../support/s3.ts';

const CLIENT = '0a6c1f8e-2b7d-4c3a-9e51-7f2d8b9c4e10';
const MB = 1024 * 1024;

/** Every file under `dir`, temp files included, as keys (`a/b`). */
async function listAll(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Bytes of every file under `dir` now (read while an upload runs, so synchronous). */
function bytesUnder(dir: string): number {
  let total = 0;
  try {
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (e.isFile())
        total += statSync(path.join(e.parentPath, e.name), { throwIfNoEntry: false })?.size ?? 0;
    }
  } catch {}
  return total;
}

async function rejection(promise: Promise<unknown>): Promise<FileStorageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileStorageError);
  return error as FileStorageError;
}

/** One backend under test, with a look behind it: what is really stored, and what has arrived. */
interface Backend {
  storage: FileStorage;
  /** Everything stored, unfinished uploads included, as keys. */
  stored(): Promise<string[]>;
  /** Bytes of uploads the store has received so far (read synchronously, mid-upload). */
  received(): number;
  close(): Promise<void>;
}

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(() => s3?.close());

const PREFIX = 'tenant-a/';

const backends: Array<{ name: string; open: () => Promise<Backend>; heldAtMost: number }> = [
  {
    name: 'disk',
    // The write stream's buffer, a chunk or two.
    heldAtMost: 1 * MB,
    async open() {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 's3-disk-'));
      const root = filesDirOf(dataDir);
      return {
        storage: createDiskStorage(root),
        stored: () => listAll(dataDir).then((keys) => keys.map((k) => k.replace(/^files\//, ''))),
        received: () => bytesUnder(root),
        close: () => fs.rm(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'S3 (s3rver)',
    // The part being filled and the ones in flight: three 5 MB parts, and a chunk of read-ahead.
    heldAtMost: 16 * MB,
    async open() {
      // A fresh folder in the bucket per test, so each sees only its own objects.
      const prefix = `${PREFIX}${randomUUID()}/`;
      const storage = storageFromEnv({
        ...loadEnv({ ...s3.env, S3_PREFIX: prefix }),
        dataDir: '/nonexistent',
      });
      const lookup = new S3Client({
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY },
      });
      const seen = s3.requests.length;
      return {
        storage,
        async stored() {
          const listed = await lookup.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
          return (listed.Contents ?? []).map((o) => o.Key!.slice(prefix.length));
        },
        // What the server was sent: the declared length of every PUT since the test began.
        received: () =>
          s3.requests
            .slice(seen)
            .filter((r) => r.method === 'PUT')
            .reduce((sum, r) => sum + r.length, 0),
        async close() {
          lookup.destroy();
          await storage.close();
        },
      };
    },
  },
];

describe.each(backends)('[16.1] file storage contract: $name', ({ open, heldAtMost }) => {
  let backend: Backend;
  let storage: FileStorage;

  beforeEach(async () => {
    backend = await open();
    storage = backend.storage;
  });
  afterEach(() => backend.close());

  it('[16.1] stores a stream and gives back the same bytes with their sha256; remove is idempotent', async () => {
    const body = Buffer.from('Факти для контент-плану ☕ '.repeat(5000));
    const key = newFileKey(CLIENT);
    const stored = await storage.put(key, Readable.from([body.subarray(0, 1000), body.subarray(1000)]), {
      maxBytes: MB,
    });
    expect(stored).toEqual({ bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
    expect(await storage.exists(key)).toBe(true);
    expect(await backend.stored()).toEqual([key]);
    expect(await text(await storage.get(key))).toBe(body.toString());

    await storage.remove(key);
    expect(await storage.exists(key)).toBe(false);
    expect((await rejection(storage.get(key))).code).toBe('file_missing');
    await storage.remove(key); // removing twice is fine
    expect(await backend.stored()).toEqual([]);
  });

  it('[16.1] a 25 MB upload streams through: produced lazily, never held whole, read back the same', async () => {
    const chunk = 64 * 1024;
    const total = 25 * MB;
    const hash = createHash('sha256');
    let produced = 0;
    let heldMost = 0;
    // Each chunk is made only when the store asks for it; how far the maker runs ahead of what
    // has reached the store is what the store holds in memory.
    async function* file() {
      for (let i = 0; produced < total; i++) {
        heldMost = Math.max(heldMost, produced - backend.received());
        const bytes = Buffer.alloc(chunk, i % 251);
        hash.update(bytes);
        produced += chunk;
        yield bytes;
      }
    }
    const key = newFileKey(CLIENT);
    const stored = await storage.put(key, file(), { maxBytes: total });
    const sha256 = hash.digest('hex');
    expect(stored).toEqual({ bytes: total, sha256 });
    expect(heldMost).toBeGreaterThan(0);
    expect(heldMost).toBeLessThan(heldAtMost);

    // Read back as a stream, chunk by chunk.
    const back = createHash('sha256');
    let chunks = 0;
    for await (const part of await storage.get(key)) {
      back.update(part as Buffer);
      chunks += 1;
    }
    expect(back.digest('hex')).toBe(sha256);
    expect(chunks).toBeGreaterThan(1);
  });

  it('[16.1] stops reading a 2 GB upload soon after the limit and leaves nothing behind', async () => {
    let pulled = 0;
    let closed = false;
    const chunk = Buffer.alloc(64 * 1024, 7);
    async function* twoGigabytes() {
      try {
        while (pulled < 2048 * MB) {
          pulled += chunk.length;
          yield chunk;
        }
      } finally {
        closed = true;
      }
    }
    const key = newFileKey(CLIENT);
    const error = await rejection(storage.put(key, Readable.from(twoGigabytes()), { maxBytes: MB }));
    expect(error.code).toBe('file_too_large');
    expect(error.message).toBe('The file is larger than 1 MB.');
    // Only stream buffers beyond the limit were read, not the 2 GB.
    expect(pulled).toBeGreaterThan(MB);
    expect(pulled).toBeLessThan(4 * MB);
    expect(closed).toBe(true);
    expect(await storage.exists(key)).toBe(false);
    expect(await backend.stored()).toEqual([]);
  });

  it('[16.1] refuses an upload that crosses the limit after several parts were sent, and keeps none of it', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 64 * 1024;
        yield Buffer.alloc(64 * 1024, 3);
      }
    }
    const key = newFileKey(CLIENT);
    const error = await rejection(storage.put(key, endless(), { maxBytes: 12 * MB }));
    expect(error.code).toBe('file_too_large');
    expect(pulled).toBeLessThan(14 * MB);
    expect(await storage.exists(key)).toBe(false);
    expect(await backend.stored()).toEqual([]);
  });

  it('[16.1] accepts a file of exactly the limit', async () => {
    const stored = await storage.put(newFileKey(CLIENT), Readable.from([Buffer.alloc(1000, 1)]), {
      maxBytes: 1000,
    });
    expect(stored.bytes).toBe(1000);
  });

  it('[16.1] refuses an empty file with a typed error and stores nothing, not even over an older file', async () => {
    const key = newFileKey(CLIENT);
    const error = await rejection(storage.put(key, Readable.from([]), { maxBytes: MB }));
    expect(error.code).toBe('file_empty');
    expect(await backend.stored()).toEqual([]);
    await storage.put(key, Readable.from([Buffer.from('kept')]), { maxBytes: MB });
    const again = await rejection(storage.put(key, Readable.from([Buffer.alloc(0)]), { maxBytes: MB }));
    expect(again.code).toBe('file_empty');
    expect(await text(await storage.get(key))).toBe('kept');
  });

  it('[16.1] keeps the previous file whole when an upload breaks off half-way', async () => {
    const key = newFileKey(CLIENT);
    await storage.put(key, Readable.from([Buffer.from('first version')]), { maxBytes: MB });
    async function* brokenUpload() {
      yield Buffer.from('half of the second');
      throw new Error('connection reset');
    }
    await expect(storage.put(key, brokenUpload(), { maxBytes: MB })).rejects.toThrow('connection reset');
    expect(await text(await storage.get(key))).toBe('first version');
    expect(await backend.stored()).toEqual([key]);
  });

  it.each([
    '../etc/passwd',
    `${CLIENT}/../../escape`,
    `${CLIENT}/..`,
    '/etc/passwd',
    'C:\\Windows\\evil',
    'c:/evil',
    `${CLIENT}\\..\\x`,
    `${CLIENT}//x`,
    `${CLIENT}/x/`,
    `${CLIENT}/photo.jpg`,
    `${CLIENT}/%2e%2e`,
    '',
    'Upper/Case',
    'a/b/c/d/e',
    `${CLIENT}/x\0`,
  ])('[16.1] refuses the key %j in every operation', async (key) => {
    const body = () => Readable.from([Buffer.from('x')]);
    expect((await rejection(storage.put(key, body(), { maxBytes: MB }))).code).toBe('invalid_key');
    expect((await rejection(storage.get(key))).code).toBe('invalid_key');
    expect((await rejection(storage.exists(key))).code).toBe('invalid_key');
    expect((await rejection(storage.remove(key))).code).toBe('invalid_key');
    expect(await backend.stored()).toEqual([]);
  });
});

describe('[16.1] S3 multipart uploads', () => {
  it('[16.1] an upload refused after its first parts asks the server to abort the multipart upload', async () => {
    const prefix = `${PREFIX}${randomUUID()}/`;
    const storage = storageFromEnv({ ...loadEnv({ ...s3.env, S3_PREFIX: prefix }), dataDir: '/nonexistent' });
    const seen = s3.requests.length;
    async function* tooBig() {
      for (let i = 0; i < 200; i++) yield Buffer.alloc(64 * 1024, 5);
    }
    const error = await rejection(storage.put(newFileKey(CLIENT), tooBig(), { maxBytes: 11 * MB }));
    expect(error.code).toBe('file_too_large');
    const asked = s3.requests
      .slice(seen)
      .map((r) => `${r.method} ${r.url.replace(/\?.*/, (q) => q.replace(/=[^&]*/g, ''))}`);
    expect(asked.some((r) => r.startsWith('POST ') && r.endsWith('?uploads'))).toBe(true);
    expect(
      asked.filter((r) => r.startsWith('PUT ') && r.includes('partNumber')).length,
    ).toBeGreaterThanOrEqual(2);
    // s3rver does not implement AbortMultipartUpload (it answers 405 and keeps the parts on its
    // disk); S3, MinIO and the rest drop them. What Plit controls is that it asks.
    expect(asked.some((r) => r.startsWith('DELETE ') && r.includes('uploadId'))).toBe(true);
    await storage.close();
  });
});

/** A loopback port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('[16.1] a store that fails', () => {
  it('[16.1] an S3 store that cannot be reached fails put, get, exists and remove as unavailable, its error kept', async () => {
    const storage = storageFromEnv({
      ...loadEnv({ ...s3.env, S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}` }),
      dataDir: '/nonexistent',
    });
    try {
      const key = newFileKey(CLIENT);
      const put = await rejection(storage.put(key, Readable.from([Buffer.from('photo')]), { maxBytes: MB }));
      expect(put.code).toBe('unavailable');
      expect((put.cause as { code?: string }).code).toBe('ECONNREFUSED');
      expect((await rejection(storage.get(key))).code).toBe('unavailable');
      expect((await rejection(storage.exists(key))).code).toBe('unavailable');
      expect((await rejection(storage.remove(key))).code).toBe('unavailable');
    } finally {
      await storage.close();
    }
  });

  it('[16.1] a disk that fails (its folder is a file) is unavailable; a failing upload body is rethrown as it is', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 's3fix-disk-'));
    try {
      await fs.writeFile(path.join(dir, 'files'), 'not a folder');
      const storage = createDiskStorage(path.join(dir, 'files'));
      const key = newFileKey(CLIENT);
      const put = await rejection(storage.put(key, Readable.from([Buffer.from('photo')]), { maxBytes: MB }));
      expect(put.code).toBe('unavailable');
      expect((put.cause as { code?: string }).code).toBe('ENOTDIR');
      expect((await rejection(storage.get(key))).code).toBe('unavailable');
      expect((await rejection(storage.exists(key))).code).toBe('unavailable');

      // A torn upload is the client's, not the disk's: it keeps its own error.
      const torn = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' });
      async function* cutOff() {
        yield Buffer.from('half');
        throw torn;
      }
      const good = createDiskStorage(path.join(dir, 'good'));
      await expect(good.put(key, cutOff(), { maxBytes: MB })).rejects.toBe(torn);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('[16.1] S3 client connections', () => {
  it('[16.1] the S3 client keeps up to 256 sockets alive and has connection, answer and idle timeouts', async () => {
    const client = createS3Client({
      bucket: 'b',
      region: 'us-east-1',
      forcePathStyle: true,
      checksums: 'when_required',
      prefix: '',
    });
    try {
      // The handler's resolved options (NodeHttpHandler keeps them behind a promise).
      const handler = client.config.requestHandler as unknown as {
        configProvider: Promise<{
          connectionTimeout?: number;
          requestTimeout?: number;
          throwOnRequestTimeout?: boolean;
          socketTimeout?: number;
          httpsAgent: { maxSockets: number; keepAlive: boolean };
          httpAgentProvider: () => Promise<{ maxSockets: number; keepAlive: boolean }>;
        }>;
      };
      const config = await handler.configProvider;
      expect(config.connectionTimeout).toBe(5_000);
      expect(config.requestTimeout).toBe(30_000);
      expect(config.throwOnRequestTimeout).toBe(true);
      // Long enough that a browser reading a download slowly is never cut (see s3Storage.ts).
      expect(config.socketTimeout).toBeGreaterThanOrEqual(60_000);
      for (const agent of [config.httpsAgent, await config.httpAgentProvider()]) {
        expect(agent.keepAlive).toBe(true);
        expect(agent.maxSockets).toBe(256);
      }
    } finally {
      client.destroy();
    }
  });
});

describe('[16.1] fact packs from S3', () => {
  it('[16.1] a pack of 60 files fetches each from the bucket only when the ZIP reaches it', async () => {
    const files = storageFromEnv({
      ...loadEnv({ ...s3.env, S3_PREFIX: `${PREFIX}${randomUUID()}/` }),
      dataDir: '/x',
    });
    const keys = new Map<string, string>();
    for (let i = 0; i < 60; i++) {
      const key = newFileKey(CLIENT);
      await files.put(key, Readable.from([Buffer.from(`photo ${i}`)]), { maxBytes: MB });
      keys.set(`file-${i}`, key);
    }
    // How many downloads from the bucket are open at once. Opened all at the start, 60 unread
    // answers would hold the S3 client's 50 sockets and the pack would hang.
    let open = 0;
    let mostOpen = 0;
    const watched: FileStorage = {
      ...files,
      async get(key) {
        const body = await files.get(key);
        mostOpen = Math.max(mostOpen, ++open);
        body.once('close', () => open--);
        return body;
      },
    };
    const item = {
      question: 'Фото',
      required: true,
      answer: null,
      status: 'answered',
      answeredBy: null,
      answeredAt: null,
      messages: [],
      files: [...keys.keys()].map((id) => ({ id, name: `${id}.txt` })),
    } as unknown as FactItemFull;
    const pack = await buildFactPack(
      watched,
      { client: 'К', month: '2026-12', topic: 'Т', timezone: 'Europe/Kyiv' },
      [item],
      (id) => keys.get(id)!,
      'en',
    );
    const zip = await JSZip.loadAsync(await buffer(pack.stream.pipe(new PassThrough())));
    expect(pack.missing).toEqual([]);
    expect(await zip.file('01 Фото/file-59.txt')!.async('string')).toBe('photo 59');
    expect(Object.keys(zip.files).filter((n) => n.endsWith('.txt') && n !== 'answers.txt')).toHaveLength(60);
    expect(mostOpen).toBeLessThanOrEqual(2);
    await files.close();
  });
});

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** An ISO media file's first box: size, `ftyp`, major brand, minor version, compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''), [0, 0, 0, 8], 'mdat');
}

async function zip(
  files: Record<string, string>,
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content);
  return archive.generateAsync({ type: 'uint8array', compression });
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="application/vnd.${main}"/></Types>`;

describe('detectFileType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg', 'jpg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png', 'png'],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif', 'gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp', 'webp'],
    ['HEIC', ftyp('heic', 'mif1', 'heic'), 'image/heic', 'heic'],
    ['HEIC under a mif1 major brand', ftyp('mif1', 'mif1', 'heic'), 'image/heic', 'heic'],
    ['HEIF', ftyp('mif1', 'mif1'), 'image/heif', 'heif'],
    ['MP4', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4', 'mp4'],
    ['MP4 with an unusual major brand', ftyp('XAVC', 'XAVC', 'mp42', 'iso2'), 'video/mp4', 'mp4'],
    ['MOV', ftyp('qt  ', 'qt  '), 'video/quicktime', 'mov'],
    [
      'WebM',
      bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84], 'webm', [0x42, 0x87]),
      'video/webm',
      'webm',
    ],
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf', 'pdf'],
  ])('%s from its bytes, whatever the name says', (_label, head, mime, extension) => {
    expect(detectFileType(head, 'renamed.txt')).toEqual({ mime, extension });
    expect(detectFileType(head)).toEqual({ mime, extension });
  });

  it.each([
    ['docx', 'openxmlformats-officedocument.wordprocessingml.document.main+xml', 'word/document.xml'],
    ['xlsx', 'openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xl/workbook.xml'],
    ['pptx', 'openxmlformats-officedocument.presentationml.presentation.main+xml', 'ppt/presentation.xml'],
  ])('%s from the content types inside the ZIP, compressed or stored', async (extension, main, part) => {
    for (const compression of ['DEFLATE', 'STORE'] as const) {
      const file = await zip(
        { '[Content_Types].xml': contentTypes(main), '_rels/.rels': '<Relationships/>', [part]: '<x/>' },
        compression,
      );
      expect(detectFileType(file, 'whatever.zip')?.extension).toBe(extension);
    }
  });

  it('tells office files apart by their folders when the content types come later', async () => {
    const file = await zip({ 'xl/workbook.xml': '<x/>', '[Content_Types].xml': '<Types/>' });
    expect(detectFileType(file, 'book.docx')).toMatchObject({ extension: 'xlsx' });
  });

  it('refuses macro-enabled office files and plain ZIP archives', async () => {
    const docm = await zip({
      '[Content_Types].xml': contentTypes('ms-word.document.macroEnabled.main+xml'),
      'word/document.xml': '<x/>',
    });
    expect(detectFileType(docm, 'report.docx')).toBeNull();
    expect(detectFileType(await zip({ 'setup.exe': 'MZ' }), 'archive.zip')).toBeNull();
  });

  it('takes legacy Office files (OLE2) only with a Word, Excel or PowerPoint name', () => {
    const ole2 = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0, 0, 0, 0]);
    expect(detectFileType(ole2, 'Бриф.DOC')).toEqual({ mime: 'application/msword', extension: 'doc' });
    expect(detectFileType(ole2, 'budget.xls')).toEqual({
      mime: 'application/vnd.ms-excel',
      extension: 'xls',
    });
    expect(detectFileType(ole2, 'old.ppt')).toEqual({
      mime: 'application/vnd.ms-powerpoint',
      extension: 'ppt',
    });
    expect(detectFileType(ole2, 'installer.msi')).toBeNull();
    expect(detectFileType(ole2)).toBeNull();
  });

  it('takes UTF-8 text and CSV, even when the head ends mid-letter', () => {
    const csv = Buffer.from('назва;ціна\nкава;120\n');
    expect(detectFileType(csv, 'prices.csv')).toEqual({ mime: 'text/csv', extension: 'csv' });
    expect(detectFileType(csv, 'notes.txt')).toEqual({ mime: 'text/plain', extension: 'txt' });
    expect(detectFileType(csv)).toEqual({ mime: 'text/plain', extension: 'txt' });
    expect(detectFileType(Buffer.from('кава').subarray(0, 3), 'cut.txt')).not.toBeNull();
  });

  it.each([
    ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0])],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
    ['a Mach-O binary', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])],
    ['a universal Mach-O binary', bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])],
    ['a shell script', bytes('#!/bin/sh\nrm -rf ~\n')],
    ['HTML', bytes('<!DOCTYPE html><html><script>alert(1)</script></html>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['XML after a BOM and blank lines', bytes([0xef, 0xbb, 0xbf], '\n  <?xml version="1.0"?><svg/>')],
    ['text with NULs', bytes('abc', [0], 'def')],
    ['invalid UTF-8', bytes([0x41, 0xc3, 0x28, 0x42])],
    ['Matroska (not WebM)', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska')],
    ['M4A audio', ftyp('M4A ', 'M4A ', 'mp42', 'isom')],
    ['AVIF (not among the allowed images)', ftyp('avif', 'avif', 'mif1', 'miaf')],
    ['an empty file', new Uint8Array()],
  ])('refuses %s renamed to .jpg', (_label, head) => {
    expect(detectFileType(head, 'holiday-photo.jpg')).toBeNull();
  });

  it('refuses text under a name that is not .txt or .csv', () => {
    expect(detectFileType(Buffer.from('echo hi'), 'run.bat')).toBeNull();
    expect(detectFileType(Buffer.from('alert(1)'), 'x.js')).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system32\\evil.dll', 'evil.dll'],
    ['C:\\Users\\Оля\\Фото з кав’ярні 😀.jpg', 'Фото з кав’ярні 😀.jpg'],
    ['C:photo.jpg', 'photo.jpg'],
    ['../😀 звіт.pdf', '😀 звіт.pdf'],
    ['  .hidden.txt  ', 'hidden.txt'],
    ['..', 'file'],
    ['../', 'file'],
    ['', 'file'],
    ['\u0000\u0007\n', 'file'],
    ['report\r\n.pdf', 'report.pdf'],
    ['photo\u202Egpj.exe', 'photogpj.exe'],
    ['what?<now>:"yes"|*.txt', 'what__now___yes___.txt'],
    ['CON.txt', '_CON.txt'],
    ['trailing dots...', 'trailing dots'],
    ['👩‍👩‍👧 family.heic', '👩‍👩‍👧 family.heic'],
  ])('%j becomes %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('shortens a long name but keeps its extension and whole characters', () => {
    const long = `${'Дуже довга назва файлу '.repeat(20)}🎉🎉🎉.docx`;
    const name = sanitizeFileName(long);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^Дуже довга назва.*\.docx$/);
    expect(name).not.toContain('\uFFFD');
    expect(sanitizeFileName(`${'😀'.repeat(100)}.jpg`, 20)).toBe('😀😀😀😀.jpg');
  });

  it('builds an attachment Content-Disposition with an ASCII stand-in and the real name', () => {
    expect(attachmentDisposition('../Звіт (фінал) 😀.pdf')).toBe(
      `attachment; filename="____ (_____) _.pdf"; filename*=UTF-8''${encodeURIComponent('Звіт')}%20%28${encodeURIComponent('фінал')}%29%20${encodeURIComponent('😀')}.pdf`,
    );
  });
});
