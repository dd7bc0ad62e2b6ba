import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { snapshotRunning } from './backup/writeBackup.ts';
import type { Context } from './context.ts';
import { probeFolder, systemReason } from './db/dataFolder.ts';
import { databaseReason } from './db/queryError.ts';

export type NotReadyReason = 'database_unwritable' | 'storage_unwritable';

export interface NotReady {
  reason: NotReadyReason;
  /** For anyone who asks (health is public): the system's words, no paths. */
  message: string;
  /** For the log only: where it failed, when the system said. */
  detail?: string;
}

/** A probe that hangs (a stuck mount, an unreachable object store) fails instead of holding health. */
const PROBE_TIMEOUT_MS = 5000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The database's or the system's own words; never a failed query's parameters, nor a path. */
function why(error: unknown): string {
  const reason = databaseReason(error);
  if (reason) return reason.message;
  if ((error as NodeJS.ErrnoException).code) return systemReason(error);
  return error instanceof Error ? error.message : String(error);
}

const whereOf = (error: unknown): { detail?: string } => {
  const { path } = error as NodeJS.ErrnoException;
  return path ? { detail: path } : {};
};

/**
 * A tiny real write: a `select 1` passes on a read-only database (a standby after failover,
 * a full disk), which then refuses every save. A temporary table touches no migration and
 * leaves nothing behind.
 */
async function probeDatabase(ctx: Pick<Context, 'db'>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`create temp table plit_write_probe (at timestamptz) on commit drop`);
    await tx.execute(sql`insert into plit_write_probe values (now())`);
  });
}

/** Through the FileStorage interface only, so every backend (disk, S3) is probed the same way. */
async function probeFiles(ctx: Pick<Context, 'files'>): Promise<void> {
  const key = `health-probe/${randomUUID()}`;
  await ctx.files.put(key, Readable.from([Buffer.from('plit')]), { maxBytes: 64 });
  await ctx.files.remove(key);
}

async function checkOnce(ctx: Pick<Context, 'db' | 'dbKind' | 'files' | 'env'>): Promise<NotReady | null> {
  try {
    await within(PROBE_TIMEOUT_MS, probeFiles(ctx));
  } catch (error) {
    return {
      reason: 'storage_unwritable',
      message: `The file storage cannot be written: ${why(error)}.`,
      ...whereOf(error),
    };
  }
  try {
    // A backup's snapshot holds PGlite's one connection: the probe would only wait behind it.
    if (ctx.dbKind !== 'pglite' || !snapshotRunning()) await within(PROBE_TIMEOUT_MS, probeDatabase(ctx));
    // PGlite's files are in the data folder: a full or read-only one fails its next page write,
    // which the temporary table above may not reach (a page freed earlier is reused).
    if (ctx.dbKind === 'pglite') await within(PROBE_TIMEOUT_MS, probeFolder(ctx.env.dataDir));
  } catch (error) {
    return {
      reason: 'database_unwritable',
      message: `The database cannot be written: ${why(error)}.`,
      ...whereOf(error),
    };
  }
  return null;
}

/**
 * Whether this node can save what people send it. Load balancers ask every few seconds; the
 * answer is kept for `cacheMs` and shared by calls that arrive while a check runs, so health
 * stays cheap however often it is asked.
 */
export function createReadiness(
  ctx: Pick<Context, 'db' | 'dbKind' | 'files' | 'env'>,
  cacheMs = 2000,
): () => Promise<NotReady | null> {
  let last: { at: number; answer: Promise<NotReady | null> } | null = null;
  return () => {
    if (!last || Date.now() - last.at > cacheMs) last = { at: Date.now(), answer: checkOnce(ctx) };
    return last.answer;
  };
}
