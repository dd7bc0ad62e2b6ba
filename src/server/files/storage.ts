import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded files live. Callers only see keys, never paths, so an S3-compatible store
 * can replace the disk one without touching them.
 */
export interface FileStorage {
  /** Store the whole stream under `key`, or nothing at all. */
  put(
    key: string,
    body: Readable | AsyncIterable<Uint8Array>,
    options: { maxBytes: number },
  ): Promise<StoredFile>;
  /**
   * Throws `FileStorageError('file_missing')` when there is no such file. Every operation throws
   * `FileStorageError('unavailable')` when the store fails; a failing `body` is rethrown as it is.
   */
  get(key: string): Promise<Readable>;
  /** Removing a file that is not there is not an error. */
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Let go of connections (the app closes it); the disk has none. */
  close(): Promise<void>;
}

export type StoredFile = { bytes: number; sha256: string };

/**
 * `unavailable`: the store itself failed (S3 down, throttling or refusing, a timeout, a disk
 * error), not the file or the request; the error handler answers it 503 `storage_unavailable`
 * with Retry-After, and logs the store's own error (the `cause`).
 */
export type FileStorageErrorCode =
  | 'file_too_large'
  | 'file_empty'
  | 'invalid_key'
  | 'file_missing'
  | 'unavailable';

export class FileStorageError extends Error {
  readonly code: FileStorageErrorCode;

  constructor(code: FileStorageErrorCode, message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'FileStorageError';
    this.code = code;
  }
}

/**
 * Keys are made by us (`<clientId>/<uuid>`), but are checked as if they were user input:
 * lower-case letters, digits, `-` and `_` in at most four segments. No dots, so no `..`,
 * no leading `/`, no backslashes or drive letters: a key can only name a file under the root.
 */
const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}(?:\/[a-z0-9][a-z0-9_-]{0,63}){0,3}$/;

export function isValidFileKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** A fresh key for a file of this client; the client id becomes the folder. */
export function newFileKey(clientId: string): string {
  const key = `${clientId.toLowerCase()}/${randomUUID()}`;
  assertKey(key);
  return key;
}

/** The folder uploaded files live in, inside Plit's data folder. */
export function filesDirOf(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export function assertKey(key: string): void {
  if (!isValidFileKey(key)) throw new FileStorageError('invalid_key', 'This file key is not valid.');
}

export function assertMaxBytes(maxBytes: number): void {
  if (!Number.isInteger(maxBytes) || maxBytes < 1)
    throw new RangeError('maxBytes must be a positive integer');
}

/**
 * Counts and hashes the bytes of an upload as they pass, and throws `file_too_large` as soon as
 * the limit is crossed: every backend stores through one, so they refuse alike.
 */
export function byteCounter(maxBytes: number) {
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    add(chunk: Uint8Array): void {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw new FileStorageError('file_too_large', `The file is larger than ${formatLimit(maxBytes)}.`);
      }
      hash.update(chunk);
    },
    result: (): StoredFile => ({ bytes, sha256: hash.digest('hex') }),
  };
}

/** A byte counter as a stream stage. */
function meter(maxBytes: number) {
  const counter = byteCounter(maxBytes);
  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      try {
        counter.add(chunk);
      } catch (error) {
        done(error as Error);
        return;
      }
      done(null, chunk);
    },
  });
  return { stream, result: counter.result };
}

function formatLimit(maxBytes: number): string {
  const mb = maxBytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${maxBytes} bytes`;
}

/**
 * A system error of the disk (EIO, ENOSPC, EROFS, EACCES, ENOTDIR…) as `unavailable`; anything
 * else (ours, or the upload's own failure) as it is.
 */
function diskFailure(error: unknown): unknown {
  if (error instanceof FileStorageError || typeof (error as { syscall?: unknown }).syscall !== 'string') {
    return error;
  }
  const { code, message } = error as NodeJS.ErrnoException;
  return new FileStorageError('unavailable', `The disk store failed (${code ?? message}).`, { cause: error });
}

export function createDiskStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);

  const pathOf = (key: string): string => {
    assertKey(key);
    const full = path.resolve(root, ...key.split('/'));
    // The pattern already rules traversal out; this is the second lock on the same door.
    if (!full.startsWith(root + path.sep)) {
      throw new FileStorageError('invalid_key', 'This file key is not valid.');
    }
    return full;
  };

  return {
    async put(key, body, { maxBytes }) {
      const target = pathOf(key);
      assertMaxBytes(maxBytes);
      await fs.mkdir(path.dirname(target), { recursive: true }).catch((error: unknown) => {
        throw diskFailure(error);
      });
      // The upload's own failure (the browser cut off) is rethrown as it is, never taken for
      // the disk's: pipeline reports both alike.
      let sourceFailure: unknown;
      async function* watched() {
        try {
          yield* body;
        } catch (error) {
          sourceFailure = error;
          throw error;
        }
      }
      // Same folder as the target, so the final rename is atomic: a reader sees the whole
      // file or none. The leading dot and `.part` can never match a key.
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.part`);
      const counted = meter(maxBytes);
      try {
        // pipeline destroys the source on failure, so an oversized upload stops being read.
        await pipeline(watched(), counted.stream, createWriteStream(temp, { flags: 'wx', flush: true }));
        const stored = counted.result();
        if (stored.bytes === 0) throw new FileStorageError('file_empty', 'The file is empty.');
        await fs.rename(temp, target);
        return stored;
      } catch (error) {
        await fs.rm(temp, { force: true }).catch(() => {});
        throw error === sourceFailure ? error : diskFailure(error);
      }
    },

    async get(key) {
      const file = pathOf(key);
      try {
        // Open first, so a missing file is a clear error here rather than a failed stream later.
        const handle = await fs.open(file, 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new FileStorageError('file_missing', 'The file is not there.');
        }
        throw diskFailure(error);
      }
    },

    async remove(key) {
      await fs.rm(pathOf(key), { force: true }).catch((error: unknown) => {
        throw diskFailure(error);
      });
    },

    async exists(key) {
      const file = pathOf(key);
      try {
        return (await fs.stat(file)).isFile();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw diskFailure(error);
      }
    },

    async close() {},
  };
}
