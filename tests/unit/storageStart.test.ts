import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/server/env.ts';
import { openStorage } from '../../src/server/files/fromEnv.ts';
import { StorageCheckError } from '../../src/server/files/s3Storage.ts';
import { newFileKey } from '../../src/server/files/storage.ts';
import { startS3, type TestS3 } from '../support/s3.ts';

let s3: TestS3;
let dataDir: string;
beforeAll(async () => {
  s3 = await startS3();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 's3-start-'));
});
afterAll(async () => {
  await s3.close();
  await rm(dataDir, { recursive: true, force: true });
});

const envOf = (vars: Record<string, string>) => loadEnv({ PLIT_DATA_DIR: dataDir, ...vars });

async function startFailure(vars: Record<string, string>): Promise<StorageCheckError> {
  const error = await openStorage(envOf(vars), () => {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageCheckError);
  return error as StorageCheckError;
}

/** A loopback port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('[16.1] storage at start-up', () => {
  it('[16.1] with S3_BUCKET set, files go to the bucket and start-up checks it', async () => {
    const warnings: string[] = [];
    const files = await openStorage(envOf(s3.env), (line) => warnings.push(line));
    const key = newFileKey('0a6c1f8e-2b7d-4c3a-9e51-7f2d8b9c4e10');
    await files.put(key, Readable.from([Buffer.from('в бакеті')]), { maxBytes: 1024 });
    expect(await text(await files.get(key))).toBe('в бакеті');
    // The start check's own object is gone again.
    expect(s3.requests.some((r) => r.method === 'DELETE' && r.url.includes('plit-start-check-'))).toBe(true);
    expect(warnings).toEqual([]);
    await files.close();
  });

  it('[16.1] checksums are sent only when S3 requires them, unless S3_CHECKSUMS=when_supported', async () => {
    const checksumsSent = async (mode: string) => {
      const files = await openStorage(envOf({ ...s3.env, S3_CHECKSUMS: mode }), () => {});
      const seen = s3.requests.length;
      await files.put(newFileKey('0a6c1f8e-2b7d-4c3a-9e51-7f2d8b9c4e10'), Readable.from([Buffer.from('x')]), {
        maxBytes: 10,
      });
      await files.close();
      return s3.requests.slice(seen).flatMap((r) => r.checksums);
    };
    // Many S3-compatible servers refuse the SDK's newer checksums: by default none are sent.
    expect(await checksumsSent('when_required')).toEqual([]);
    expect(await checksumsSent('when_supported')).not.toEqual([]);
  });

  it('[16.B] a missing bucket stops start-up, saying the bucket does not exist', async () => {
    const error = await startFailure({ ...s3.env, S3_BUCKET: 'no-such-bucket' });
    expect(error.problem).toBe('bucket_missing');
    expect(error.message).toBe(
      `S3 bucket "no-such-bucket" at ${s3.endpoint} does not exist: create it, or fix S3_BUCKET.`,
    );
  });

  // s3rver knows one access key (S3RVER) and refuses any other, but does not check v4
  // signatures: a wrong secret with the right key id passes there (S3 and MinIO refuse it, 403).
  it('[16.B] refused credentials stop start-up, saying access was denied and which settings to check', async () => {
    const error = await startFailure({ ...s3.env, S3_ACCESS_KEY_ID: 'NOT-A-KEY', S3_SECRET_ACCESS_KEY: 'x' });
    expect(error.problem).toBe('access_denied');
    expect(error.message).toMatch(
      /^S3 refused access to bucket "plit-test" at http:\/\/127\.0\.0\.1:\d+ \(HTTP 403\)/,
    );
    expect(error.message).toContain('check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  });

  it('[16.B] an endpoint nothing answers on stops start-up, saying it cannot be reached', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const error = await startFailure({ ...s3.env, S3_ENDPOINT: endpoint });
    expect(error.problem).toBe('unreachable');
    expect(error.message).toBe(
      `S3 bucket "plit-test" at ${endpoint} cannot be reached (ECONNREFUSED): check S3_ENDPOINT and the network.`,
    );
  });

  it('[16.1] with REDIS_URL and disk storage, start-up warns that files are not shared between nodes', async () => {
    const warnings: string[] = [];
    await openStorage(envOf({ REDIS_URL: 'redis://127.0.0.1:6379' }), (line) => warnings.push(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('not shared with other nodes');
    expect(warnings[0]).toContain(path.join(dataDir, 'files'));
    expect(warnings[0]).toContain('S3_BUCKET');
    // One node on its disk, or many on a bucket: nothing to warn about.
    await openStorage(envOf({}), (line) => warnings.push(line));
    await (
      await openStorage(envOf({ ...s3.env, REDIS_URL: 'redis://127.0.0.1:6379' }), (line) =>
        warnings.push(line),
      )
    ).close();
    expect(warnings).toHaveLength(1);
  });

  it('[16.B] S3 settings without S3_BUCKET, or half a key pair, are refused before anything starts', () => {
    expect(() => loadEnv({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: '1' })).toThrow(
      'S3_BUCKET: required because S3_ENDPOINT, S3_FORCE_PATH_STYLE are set.',
    );
    expect(() => loadEnv({ S3_BUCKET: 'plit', S3_ACCESS_KEY_ID: 'key' })).toThrow(
      'S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both, or neither',
    );
    expect(() => loadEnv({ S3_BUCKET: 'plit', S3_CHECKSUMS: 'always' })).toThrow('S3_CHECKSUMS');
    expect(() => loadEnv({ S3_BUCKET: 'plit', S3_PREFIX: '../up/' })).toThrow('S3_PREFIX');
    expect(loadEnv({ S3_BUCKET: 'plit' })).toMatchObject({
      S3_REGION: 'us-east-1',
      S3_CHECKSUMS: 'when_required',
    });
  });
});
