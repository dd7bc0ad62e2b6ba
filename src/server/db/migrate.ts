import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database, Schema } from './connect.ts';
import { migrationsFolder, readJournal } from './migrationLock.ts';

/**
 * Apply pending migrations. On PostgreSQL an advisory lock makes several server processes
 * starting at once take turns instead of racing on the same DDL.
 */
export async function migrate(database: Database, options: { upTo?: string } = {}): Promise<void> {
  if (options.upTo) return migrateUpTo(database, options.upTo);
  await migrateFrom(database, migrationsFolder);
}

async function migrateFrom(database: Database, folder: string): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, { migrationsFolder: folder });
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('plit.migrate'))`);
    await migratePg(tx as unknown as NodePgDatabase<Schema>, { migrationsFolder: folder });
  });
}

/**
 * Apply migrations only as far as `tag`: a restore puts rows into the schema they were taken
 * from, then the remaining migrations carry them forward like any other data. Drizzle reads
 * a folder's journal, so the migrator is given a copy whose journal stops at `tag`.
 */
async function migrateUpTo(database: Database, tag: string): Promise<void> {
  const entries = readJournal(migrationsFolder);
  const last = entries.findIndex((entry) => entry.tag === tag);
  if (last === -1) throw new Error(`Unknown migration ${tag}`);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'plit-migrations-'));
  try {
    await cp(migrationsFolder, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, last + 1);
    await writeFile(journalFile, JSON.stringify(journal));
    await migrateFrom(database, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
