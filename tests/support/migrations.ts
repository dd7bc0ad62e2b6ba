import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database, Schema } from '../../src/server/db/connect.ts';

/** Plit's migrations folder, as it is now. */
export const migrations = fileURLToPath(new URL('../../src/server/db/migrations', import.meta.url));

/** A copy of the migrations that stops at `last`: a database as an older Plit left it. */
export async function migrationsUpTo(last: number): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'plit-migrations-'));
  await cp(migrations, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

/** Apply the migrations of this folder with Drizzle's migrator of the database's engine. */
export async function migrateWith(database: Database, migrationsFolder: string): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase<Schema>, { migrationsFolder });
  }
}
