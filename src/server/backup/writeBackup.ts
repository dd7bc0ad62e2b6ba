import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, EngineKind, Tx } from '../db/connect.ts';
import { migrationsFolder, readJournal } from '../db/migrationLock.ts';
import { type FileStorage, FileStorageError } from '../files/storage.ts';
import {
  FORMAT,
  FORMAT_VERSION,
  fileEntry,
  MANIFEST,
  type Manifest,
  type ManifestFile,
  type ManifestTable,
  tableEntry,
} from './format.ts';
import {
  appliedMigration,
  FILE_KEY_COLUMN,
  ident,
  literal,
  readTables,
  rowsOf,
  type Table,
} from './tables.ts';
import { type TarEntryIn, tarStream } from './tar.ts';

export interface BackupSource {
  db: Db;
  engine: EngineKind;
  files: FileStorage;
  plitVersion: string;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  /** Keys the rows refer to that storage did not have: listed in the manifest as missing. */
  missing: string[];
}

const ROWS_PER_FETCH = 1000;

/** Hashes and counts bytes on their way through. */
function hashing() {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, done: () => ({ bytes, sha256: hash.digest('hex') }) };
}

/**
 * One row as a line of JSON, built by the database itself so each type keeps its exact text
 * form on every engine: timestamps in ISO 8601 (UTC, microseconds), arrays as JSON arrays,
 * jsonb as it is, numbers as PostgreSQL prints them. Two changes to `to_jsonb`: a SQL NULL is
 * left out (so a jsonb column holding JSON `null` stays told apart from one holding nothing),
 * and bytea is base64 rather than `\x` hex.
 */
function rowJson(table: Table): string {
  let expression = 'to_jsonb(t)';
  const nullable = table.columns.filter((c) => c.nullable);
  if (nullable.length > 0) {
    const nulls = nullable.map((c) => `case when t.${ident(c.name)} is null then ${literal(c.name)} end`);
    expression += ` - array_remove(array[${nulls.join(', ')}]::text[], null)`;
  }
  const binary = table.columns.filter((c) => c.type === 'bytea');
  if (binary.length > 0) {
    expression += ` - array[${binary.map((c) => literal(c.name)).join(', ')}]::text[]`;
    const pairs = binary.map((c) => `${literal(c.name)}, encode(t.${ident(c.name)}, 'base64')`);
    expression += ` || jsonb_strip_nulls(jsonb_build_object(${pairs.join(', ')}))`;
  }
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name))
    .map((c) => `t.${ident(c)}`)
    .join(', ');
  return `select (${expression})::text as line from ${ident(table.name)} t order by ${order}`;
}

/** Rows go to a staged file through a cursor, so a large table is never held in memory. */
async function dumpTable(tx: Tx, table: Table, target: string) {
  const counted = hashing();
  const file = createWriteStream(target);
  const written = pipeline(counted.stream, file);
  let rows = 0;
  await tx.execute(sql.raw(`declare plit_backup no scroll cursor for ${rowJson(table)}`));
  for (;;) {
    const batch = await rowsOf<{ line: string }>(
      tx,
      sql.raw(`fetch forward ${ROWS_PER_FETCH} from plit_backup`),
    );
    if (batch.length === 0) break;
    rows += batch.length;
    const text = `${batch.map((row) => row.line).join('\n')}\n`;
    if (!counted.stream.write(text)) await new Promise((resolve) => counted.stream.once('drain', resolve));
  }
  await tx.execute(sql.raw('close plit_backup'));
  counted.stream.end();
  await written;
  const sequences: Record<string, number> = {};
  for (const column of table.columns.filter((c) => c.sequence)) {
    const seq = `pg_get_serial_sequence(${literal(ident(table.name))}, ${literal(column.name)})`;
    // Sequences stand outside transactions; this is at least every id the snapshot holds.
    const [value] = await rowsOf<{ last: string | number }>(
      tx,
      sql.raw(`select pg_sequence_last_value(${seq}::regclass) as last`),
    );
    sequences[column.name] = Number(value?.last ?? 0);
  }
  return { rows, ...counted.done(), sequences };
}

interface Snapshot {
  migration: Manifest['migration'];
  tables: Array<ManifestTable & { staged: string }>;
  keys: string[];
}

/**
 * Every table read in one repeatable-read transaction: all rows are as they stood at one
 * instant, whatever the server writes meanwhile. The files taken are exactly the keys those
 * rows refer to, so the backup holds every file its rows need and none they do not; files
 * are read after the transaction (a key names one upload for good, and keeping the snapshot
 * open while files are copied would, on PGlite, hold up every request meanwhile).
 */
let snapshotsRunning = 0;

/**
 * On PGlite a snapshot holds the one connection while it reads every table, and every other
 * query waits behind it: readiness asks this so that a backup is not taken for a broken
 * database (which would take the only node out of its proxy's rotation).
 */
export const snapshotRunning = (): boolean => snapshotsRunning > 0;

async function takeSnapshot(db: Db, staging: string): Promise<Snapshot> {
  snapshotsRunning += 1;
  try {
    return await readSnapshot(db, staging);
  } finally {
    snapshotsRunning -= 1;
  }
}

async function readSnapshot(db: Db, staging: string): Promise<Snapshot> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      const applied = await appliedMigration(tx);
      if (!applied) throw new Error('The database has no migrations applied: there is nothing to back up.');
      const entry = readJournal(migrationsFolder).find((e) => e.when === applied.when);
      const migration = {
        tag: entry?.tag ?? `unknown (${applied.when})`,
        when: applied.when,
        hash: applied.hash,
      };
      const tables: Snapshot['tables'] = [];
      const keys = new Set<string>();
      for (const table of await readTables(tx)) {
        const staged = path.join(staging, `${tables.length}.ndjson`);
        const dumped = await dumpTable(tx, table, staged);
        tables.push({
          name: table.name,
          entry: tableEntry(table.name),
          rows: dumped.rows,
          bytes: dumped.bytes,
          sha256: dumped.sha256,
          columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
          sequences: dumped.sequences,
          staged,
        });
        if (table.columns.some((c) => c.name === FILE_KEY_COLUMN)) {
          const column = ident(FILE_KEY_COLUMN);
          const found = await rowsOf<{ key: string }>(
            tx,
            sql.raw(`select distinct ${column} as key from ${ident(table.name)} where ${column} is not null`),
          );
          for (const { key } of found) keys.add(key);
        }
      }
      return { migration, tables, keys: [...keys].sort() };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Write a backup of the database and its files to `out` (a gzip'd tar, see format.ts), and
 * end it. A file the rows refer to but storage lacks is listed as missing, not a failure: a
 * backup with one photo gone is worth far more than none.
 */
export async function writeBackup(
  source: BackupSource,
  out: NodeJS.WritableStream,
  options: { end?: boolean; warn?: (message: string) => void } = {},
): Promise<BackupSummary> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'plit-backup-'));
  try {
    const snapshot = await takeSnapshot(source.db, staging);
    const files: ManifestFile[] = [];
    async function* entries(): AsyncGenerator<TarEntryIn> {
      for (const { staged, ...table } of snapshot.tables) {
        yield { name: table.entry, size: table.bytes, body: createReadStream(staged) };
      }
      for (const key of snapshot.keys) {
        // Staged first: a tar entry's size comes before its bytes, and storage (disk or S3)
        // is only asked through `get`.
        const staged = path.join(staging, 'file');
        const counted = hashing();
        try {
          await pipeline(await source.files.get(key), counted.stream, createWriteStream(staged));
        } catch (error) {
          if (!(error instanceof FileStorageError && error.code === 'file_missing')) throw error;
          files.push({ key, missing: true, reason: error.message });
          options.warn?.(
            `File ${key} is referenced by the database but missing from storage; the backup lists it as missing.`,
          );
          continue;
        }
        const { bytes, sha256 } = counted.done();
        files.push({ key, entry: fileEntry(key), bytes, sha256 });
        yield { name: fileEntry(key), size: bytes, body: createReadStream(staged) };
        await rm(staged, { force: true });
      }
      const manifest: Manifest = {
        format: FORMAT,
        formatVersion: FORMAT_VERSION,
        plitVersion: source.plitVersion,
        createdAt: new Date().toISOString(),
        engine: source.engine,
        migration: snapshot.migration,
        tables: snapshot.tables.map(({ staged: _, ...table }) => table),
        files,
      };
      const body = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
      yield { name: MANIFEST, size: body.length, body };
    }
    await pipeline(tarStream(entries()), createGzip(), out, { end: options.end ?? true });
    return {
      tables: snapshot.tables.length,
      rows: snapshot.tables.reduce((sum, t) => sum + t.rows, 0),
      files: files.filter((f) => !('missing' in f)).length,
      missing: files.filter((f) => 'missing' in f).map((f) => f.key),
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Fill `target` through `write`, or leave it as it was: the bytes go to a temporary file
 * beside it, flushed to disk and renamed only once complete, so a failed or interrupted
 * backup never leaves a half file under the name someone will later restore from.
 */
export async function writeFileAtomically<T>(
  target: string,
  write: (out: NodeJS.WritableStream) => Promise<T>,
): Promise<T> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.partial`);
  try {
    const result = await write(createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true }));
    const handle = await open(temp, 'r');
    await handle.sync();
    await handle.close();
    await rename(temp, target);
    return result;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
