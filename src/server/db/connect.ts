import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataFolder } from './dataFolder.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type every layer uses, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type EngineKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: EngineKind;
  close(): Promise<void>;
}

/**
 * PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir`
 * (or in memory when dataDir is omitted: tests).
 */
export async function connect(options: {
  url?: string | undefined;
  dataDir?: string | undefined;
  /** Told when PostgreSQL drops an idle pooled connection (the pool replaces it). */
  onIdleError?: (err: Error) => void;
}): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server drops (a restart, a failover) is only discarded by the
    // pool; without a listener Node would treat it as an unhandled error and stop Plit.
    pool.on('error', (err) => options.onIdleError?.(err));
    // Fail at start-up, with the server's own words, rather than on the first request.
    const probe = await pool.connect().catch(async (err: Error) => {
      await pool.end();
      const where = new URL(options.url!);
      throw new Error(
        `Cannot reach PostgreSQL at ${where.host}${where.pathname} (DATABASE_URL): ${err.message}`,
      );
    });
    probe.release();
    return { db: drizzlePg(pool, { schema }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  // Every command that opens the folder (start, migrate, reset-link) comes through here, so
  // this is where a second process is turned away (see dataFolder.ts).
  const lock = options.dataDir ? lockDataFolder(options.dataDir) : null;
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  try {
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    close: async () => {
      // Released only once PGlite has flushed: the next process must find the folder whole.
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
