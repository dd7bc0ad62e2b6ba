import { sql } from 'drizzle-orm';
import type { Database } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { databaseReason } from './db/queryError.ts';
import type { FileStorage } from './files/storage.ts';
import { seedDemo } from './seed/demo.ts';

/**
 * Runs `steps` while holding PostgreSQL's start-up advisory lock, so nodes starting together
 * take turns: the second sees what the first did (migrations applied, the demo there) instead
 * of racing it into a duplicate insert. The lock is a transaction's, held on one pooled
 * connection while the steps use others, and released by its end however the steps end.
 * PGlite needs none: its folder admits one process (dataFolder.ts), and its single connection
 * would wait forever behind the open transaction.
 */
async function onceAtStartup<T>(database: Database, steps: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') return steps();
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('plit.startup'))`);
    return steps();
  });
}

/**
 * Everything a node does to its database before it serves: migrations, then the demo when
 * asked for and the database is empty. Any future backfill belongs here too, under the lock.
 * Answers whether this node seeded the demo.
 */
export function prepareDatabase(
  database: Database,
  options: { demo: boolean; files: FileStorage },
): Promise<boolean> {
  return onceAtStartup(database, async () => {
    await migrate(database);
    return options.demo ? seedDemo(database.db, options.files) : false;
  });
}

/**
 * A start-up failure in words fit for a log. A failed query's message from Drizzle lists its
 * parameters (the demo's insert into users carries a password hash): only the database's own
 * message and code are told.
 */
export function startupFailureMessage(error: unknown): string {
  const reason = databaseReason(error);
  if (reason) {
    const code = reason.code ? ` (SQLSTATE ${reason.code})` : '';
    return `A database query failed: ${reason.message}${code}`;
  }
  return error instanceof Error ? error.message : String(error);
}
