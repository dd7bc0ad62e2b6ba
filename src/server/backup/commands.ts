// `plit backup FILE` and `plit restore FILE [--force]`: what the person at the terminal runs.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { connect, type Database } from '../db/connect.ts';
import { type Env, loadEnv } from '../env.ts';
import { storageFromEnv } from '../files/fromEnv.ts';
import { plitVersion } from '../version.ts';
import { checkBackup } from './format.ts';
import { restoreBackup } from './restoreBackup.ts';
import { requestBackup, socketAnswers, socketPathOf } from './socket.ts';
import { type BackupSummary, writeBackup, writeFileAtomically } from './writeBackup.ts';

/** "1 file", "2 files": the command's lines are read by people. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function placeOf(env: Env): string {
  if (!env.DATABASE_URL) return `the data folder ${env.dataDir}`;
  const url = new URL(env.DATABASE_URL);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

/** `npm run backup -- FILE` runs in the package's folder; FILE means the folder npm was run from. */
const resolveFile = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

const openDatabase = (env: Env): Promise<Database> =>
  connect({ url: env.DATABASE_URL, dataDir: env.dataDir });

export async function backupCommand(file: string | undefined): Promise<void> {
  if (!file) throw new Error('Usage: plit backup FILE   (e.g. plit backup plit-2026-12-06.tar.gz)');
  const env = loadEnv();
  const target = resolveFile(file);
  if (!existsSync(path.dirname(target)))
    throw new Error(`There is no folder ${path.dirname(target)} to write ${file} in.`);
  const started = performance.now();
  let summary: BackupSummary;
  let how: string;
  const socket = socketPathOf(env.dataDir);
  if (!env.DATABASE_URL && (await socketAnswers(socket))) {
    // PGlite lets one process in: the running server writes the backup for us.
    summary = await writeFileAtomically(target, (out) => requestBackup(socket, out));
    how = 'through the running Plit';
  } else {
    if (!env.DATABASE_URL && !existsSync(path.join(env.dataDir, 'PG_VERSION'))) {
      throw new Error(`There is no Plit database in ${env.dataDir} (PLIT_DATA_DIR): nothing to back up.`);
    }
    const database = await openDatabase(env);
    try {
      const source = {
        db: database.db,
        engine: database.kind,
        files: storageFromEnv(env),
        plitVersion,
      };
      summary = await writeFileAtomically(target, (out) =>
        writeBackup(source, out, { warn: (message) => console.warn(`Warning: ${message}`) }),
      );
    } finally {
      await database.close();
    }
    how = `from ${placeOf(env)}`;
  }
  console.log(
    `Backup written to ${target} ${how}: ${summary.tables} tables, ${summary.rows} rows, ` +
      `${count(summary.files, 'file', 'files')}, ${megabytes(statSync(target).size)} in ${seconds(started)}.`,
  );
  if (summary.missing.length > 0) {
    console.warn(
      `Warning: ${summary.missing.length} file(s) the database refers to were missing from storage and are not in the backup: ${summary.missing.join(', ')}`,
    );
  }
}

export async function restoreCommand(args: string[]): Promise<void> {
  const force = args.includes('--force');
  const [file, ...rest] = args.filter((arg) => arg !== '--force');
  if (!file || rest.length > 0) throw new Error('Usage: plit restore FILE [--force]');
  const env = loadEnv();
  const started = performance.now();
  // The whole archive is read and checked before the database is even opened.
  const backup = await checkBackup(resolveFile(file));
  if (!env.DATABASE_URL && (await socketAnswers(socketPathOf(env.dataDir)))) {
    throw new Error(`Plit is running on ${env.dataDir}: stop it, then restore.`);
  }
  const database = await openDatabase(env);
  try {
    const where = placeOf(env);
    const summary = await restoreBackup({ database, files: storageFromEnv(env), where }, backup, { force });
    const { manifest } = backup;
    console.log(
      `Restored ${backup.file} (taken ${manifest.createdAt} on ${manifest.engine}, Plit ${manifest.plitVersion}) into ${where}: ` +
        `${summary.tables} tables, ${summary.rows} rows, ${count(summary.files, 'file', 'files')} in ${seconds(started)}` +
        `${summary.replaced ? ', replacing the rows it held' : ''}.`,
    );
    const missing = manifest.files.filter((f) => 'missing' in f);
    if (missing.length > 0) {
      console.warn(
        `Warning: the backup lists ${missing.length} file(s) as missing when it was taken: ${missing.map((f) => f.key).join(', ')}`,
      );
    }
  } finally {
    await database.close();
  }
}
