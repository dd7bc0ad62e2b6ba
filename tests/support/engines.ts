import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../../src/server/db/connect.ts';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database of this engine; dropped again by `dispose`. */
  open(): Promise<{ database: Database; dispose(): Promise<void>; url?: string }>;
}

const pglite: Engine = {
  name: 'pglite',
  async open() {
    const database = await connect({});
    return { database, dispose: () => database.close() };
  },
};

/**
 * Each run creates its own database on the server (plit_test_<random>) and drops it after,
 * so runs never see each other's rows and nothing is left behind.
 */
function postgres(adminUrl: string): Engine {
  return {
    name: 'postgres',
    async open() {
      const name = `plit_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await connect({ url: url.toString() });
      return {
        database,
        url: url.toString(),
        async dispose() {
          await database.close();
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    },
  };
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server (CI sets it). */
export function engines(): Engine[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}
