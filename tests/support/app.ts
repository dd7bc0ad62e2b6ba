import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import { connect, type Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadEnv } from '../../src/server/env.ts';
import type { Engine } from './engines.ts';

export interface TestApp {
  app: App;
  database: Database;
  close(): Promise<void>;
}

async function appOn(
  database: Database,
  env: Record<string, string>,
  dispose: () => Promise<void>,
): Promise<TestApp> {
  await migrate(database);
  const app = await buildApp({
    env: loadEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://plit.test', LOG_LEVEL: 'silent', ...env }),
    database,
    webRoot: null,
    logger: false,
  });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await dispose();
    },
  };
}

/** A real Plit server in process, on a fresh in-memory PGlite database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await connect({});
  return appOn(database, env, () => database.close());
}

/** The same on a fresh database of the given engine (PostgreSQL for real concurrency). */
export async function createTestAppOn(engine: Engine, env: Record<string, string> = {}): Promise<TestApp> {
  const { database, dispose } = await engine.open();
  return appOn(database, env, dispose);
}
