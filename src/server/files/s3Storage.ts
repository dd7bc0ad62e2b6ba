import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertKey, assertMaxBytes, byteCounter, type FileStorage, FileStorageError } from './storage.ts';

export interface S3Settings {
  bucket: string;
  /** An S3-compatible server's address; unset: AWS S3 of the region. */
  endpoint?: string | undefined;
  region: string;
  /** Unset: the AWS SDK's own chain (AWS_* variables, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  checksums: 'when_required' | 'when_supported';
  /** A folder inside the bucket (`plit/`), or ''. */
  prefix: string;
}

/**
 * Multipart parts: S3's smallest, and two in flight at once. An upload of unknown length holds
 * at most the part being filled and the parts being sent (about 15 MB), whatever the file's size.
 */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export type StorageProblem = 'bucket_missing' | 'access_denied' | 'unreachable';

/** Why the bucket cannot be used, in words for the person starting Plit. */
export class StorageCheckError extends Error {
  readonly problem: StorageProblem;

  constructor(problem: StorageProblem, message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'StorageCheckError';
    this.problem = problem;
  }
}

const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

const nameOf = (error: unknown): string => (error as { name?: string }).name ?? '';

/** An object that is not there; HEAD answers carry no body, so only their status says so. */
const isMissing = (error: unknown) =>
  nameOf(error) === 'NoSuchKey' || (nameOf(error) === 'NotFound' && statusOf(error) === 404);

/**
 * The S3 client's connections (the SDK's NodeHttpHandler, given its options so that no package
 * of its own is imported). Its defaults are 50 sockets per client and no timeouts: a fact pack or
 * a few slow downloads hold the 50, and every other upload waits for one without end.
 */
const requestHandler = {
  // A server that does not take the connection is a clear error soon, not a hung request.
  connectionTimeout: 5_000,
  // Until the answer's headers arrive (this SDK clears it then, so it never cuts a body being
  // streamed), and an error rather than the SDK's default warning: a server that took the
  // request and never answers fails it, and a part of 5 MB still has time to go out.
  requestTimeout: 30_000,
  throwOnRequestTimeout: true,
  // Idle time of the socket, downloads included. While a download streams to a browser, the
  // S3 socket is not read whenever the browser falls behind (backpressure), so this is how long
  // a browser may read nothing at all: a slow one reads a little every few seconds and is never
  // cut; a server that stops sending mid-body, or a browser stalled for two minutes, is.
  socketTimeout: 120_000,
  // Connections kept for reuse, and enough of them that downloads being streamed to browsers
  // do not starve uploads. One per download in flight; a fact pack holds at most two.
  httpAgent: { keepAlive: true, maxSockets: 256 },
  httpsAgent: { keepAlive: true, maxSockets: 256 },
};

/** The client for these settings: exported for the test that checks its connections. */
export function createS3Client(settings: S3Settings): S3Client {
  const mode = settings.checksums === 'when_supported' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED';
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    requestChecksumCalculation: mode,
    responseChecksumValidation: mode,
    requestHandler,
  });
}

/**
 * Anything S3 or the way to it fails with (a 5xx, SlowDown, AccessDenied, a timeout, a refused
 * connection) as `unavailable`: for the person it is the store failing, never their request.
 */
function unavailable(error: unknown): unknown {
  if (error instanceof FileStorageError) return error;
  const status = statusOf(error);
  const code = (error as { code?: string }).code;
  const why = [nameOf(error) || code, status && `HTTP ${status}`].filter(Boolean).join(', ');
  return new FileStorageError('unavailable', `The S3 store failed (${why || 'unknown error'}).`, {
    cause: error,
  });
}

export function createS3Storage(settings: S3Settings): FileStorage & { verify(): Promise<void> } {
  const client = createS3Client(settings);
  const Bucket = settings.bucket;
  const where = `bucket "${Bucket}"${settings.endpoint ? ` at ${settings.endpoint}` : ` (AWS, ${settings.region})`}`;

  const objectKey = (key: string): string => {
    assertKey(key);
    return `${settings.prefix}${key}`;
  };

  return {
    async put(key, body, { maxBytes }) {
      const Key = objectKey(key);
      assertMaxBytes(maxBytes);
      const counter = byteCounter(maxBytes);
      const chunks = body[Symbol.asyncIterator]();
      // Peek for the first bytes: an empty upload is refused before anything is written, so it
      // never replaces an object (S3 would store an empty one).
      let first = await chunks.next();
      while (!first.done && first.value.length === 0) first = await chunks.next();
      if (first.done) throw new FileStorageError('file_empty', 'The file is empty.');

      // The SDK reports its own failure (an aborted upload) over ours; keep ours to rethrow.
      let sourceFailure: unknown;
      async function* metered() {
        try {
          for (let next = first; !next.done; next = await chunks.next()) {
            counter.add(next.value);
            yield next.value;
          }
        } catch (error) {
          sourceFailure = error;
          throw error;
        } finally {
          // Stops reading the request: an oversized or abandoned upload is not read to its end.
          await chunks.return?.();
        }
      }
      const source = Readable.from(metered());
      // Multipart for anything over one part, one PUT below it; on failure the multipart upload
      // is aborted, so no part of it stays in the bucket and a previous object stays whole.
      const upload = new Upload({
        client,
        params: { Bucket, Key, Body: source },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        source.destroy();
        await chunks.return?.();
        // The upload's own failure as it is (a 400 for a torn form); the bucket's is ours.
        throw sourceFailure ?? unavailable(error);
      }
      return counter.result();
    },

    async get(key) {
      const Key = objectKey(key);
      try {
        // Asked before the stream is handed out: a missing object is a clear error here, not a
        // download that fails half-way.
        const found = await client.send(new GetObjectCommand({ Bucket, Key }));
        return found.Body as Readable;
      } catch (error) {
        // Without s3:ListBucket, AWS answers a missing object 403, not NoSuchKey: that is
        // `unavailable` here (docs/storage.md lists the permissions Plit needs).
        if (isMissing(error)) throw new FileStorageError('file_missing', 'The file is not there.');
        throw unavailable(error);
      }
    },

    async remove(key) {
      const Key = objectKey(key);
      // S3 answers 204 for a key that is not there: removing twice is fine, as on disk.
      await client.send(new DeleteObjectCommand({ Bucket, Key })).catch((error: unknown) => {
        throw unavailable(error);
      });
    },

    async exists(key) {
      const Key = objectKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw unavailable(error);
      }
    },

    async close() {
      client.destroy();
    },

    /**
     * At start-up: the bucket is there and these credentials may write to it. A small object is
     * written and removed, because read-only credentials pass the bucket check and would only
     * fail at the first upload.
     */
    async verify() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        const Key = `${settings.prefix}plit-start-check-${randomUUID()}`;
        await client.send(new PutObjectCommand({ Bucket, Key, Body: 'ok' }));
        await client.send(new DeleteObjectCommand({ Bucket, Key }));
      } catch (error) {
        throw explain(error, where);
      }
    },
  };
}

function explain(error: unknown, where: string): Error {
  const status = statusOf(error);
  const name = nameOf(error);
  if (status === 404 || name === 'NoSuchBucket') {
    return new StorageCheckError(
      'bucket_missing',
      `S3 ${where} does not exist: create it, or fix S3_BUCKET.`,
      {
        cause: error,
      },
    );
  }
  if (status === 401 || status === 403) {
    return new StorageCheckError(
      'access_denied',
      `S3 refused access to ${where} (HTTP ${status}${name && name !== 'Unknown' ? ` ${name}` : ''}): check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, ` +
        'and that this key has the permissions docs/storage.md lists (ListBucket, GetObject, PutObject, DeleteObject, AbortMultipartUpload).',
      { cause: error },
    );
  }
  if (status === undefined) {
    const code = (error as { code?: string }).code ?? name;
    return new StorageCheckError(
      'unreachable',
      `S3 ${where} cannot be reached (${code || (error as Error).message}): check S3_ENDPOINT and the network.`,
      { cause: error },
    );
  }
  return error as Error;
}
