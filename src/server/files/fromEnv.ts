import type { Env } from '../env.ts';
import { createS3Storage } from './s3Storage.ts';
import { createDiskStorage, type FileStorage, filesDirOf } from './storage.ts';

type StorageEnv = Pick<
  Env,
  | 'dataDir'
  | 'S3_BUCKET'
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
  | 'S3_CHECKSUMS'
  | 'S3_PREFIX'
>;

function s3Of(env: StorageEnv & { S3_BUCKET: string }) {
  return createS3Storage({
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
    checksums: env.S3_CHECKSUMS,
    prefix: env.S3_PREFIX ?? '',
  });
}

/** The one place the backend is chosen: an S3-compatible bucket when S3_BUCKET is set, else the data folder. */
export function storageFromEnv(env: StorageEnv): FileStorage {
  return env.S3_BUCKET
    ? s3Of({ ...env, S3_BUCKET: env.S3_BUCKET })
    : createDiskStorage(filesDirOf(env.dataDir));
}

/**
 * Storage for a starting server: the bucket is checked (a missing bucket, refused credentials or
 * an unreachable endpoint stop start-up, saying which), and a disk store on a server that shares
 * its work with other nodes (REDIS_URL) is warned about: the others cannot read its files.
 */
export async function openStorage(
  env: StorageEnv & Pick<Env, 'REDIS_URL'>,
  warn: (line: string) => void = console.warn,
): Promise<FileStorage> {
  if (!env.S3_BUCKET) {
    if (env.REDIS_URL) {
      warn(
        `WARNING: uploaded files are kept on this node's disk (${filesDirOf(env.dataDir)}) and are not ` +
          'shared with other nodes (REDIS_URL is set): a file uploaded through one node is missing on the ' +
          'others. Set S3_BUCKET to keep them in S3-compatible storage.',
      );
    }
    return storageFromEnv(env);
  }
  const s3 = s3Of({ ...env, S3_BUCKET: env.S3_BUCKET });
  try {
    await s3.verify();
  } catch (error) {
    await s3.close();
    throw error;
  }
  return s3;
}
