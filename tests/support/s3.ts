import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** s3rver's one account: any other key id is refused (it does not check v4 signatures, so any secret passes). */
export const S3RVER_KEY = 'S3RVER';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The environment that points Plit at this server's bucket. */
  env: Record<string, string>;
  /** Every request the server received, as it arrived (method, URL, declared length, checksum headers). */
  requests: Array<{ method: string; url: string; length: number; checksums: string[] }>;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver, on disk) on loopback, port chosen by the system, with one
 * bucket. Not a mock: Plit talks to it over HTTP with the AWS SDK as it would to MinIO or AWS.
 */
export async function startS3(bucket = 'plit-test'): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 's3-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const requests: TestS3['requests'] = [];
  server.httpServer.prependListener('request', (request: IncomingMessage) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      length: Number(request.headers['content-length'] ?? 0),
      checksums: Object.keys(request.headers).filter((h) => /^x-amz-(sdk-)?checksum|^x-amz-trailer/.test(h)),
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    requests,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: S3RVER_KEY,
      S3_SECRET_ACCESS_KEY: S3RVER_KEY,
      S3_FORCE_PATH_STYLE: '1',
    },
    async close() {
      // Idle keep-alive sockets of clients would hold close() open.
      server.httpServer.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
