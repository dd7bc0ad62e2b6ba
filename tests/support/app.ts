import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import { connect, type Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadEnv } from '../../src/server/env.ts';
import type { Engine } from './engines.ts';

export interface TestApp {
  app: App;
  database: Database;
  /** This app's data folder (uploaded files live in its `files`). */
  dataDir: string;
  close(): Promise<void>;
}

async function appOn(
  database: Database,
  env: Record<string, string>,
  dispose: () => Promise<void>,
): Promise<TestApp> {
  await migrate(database);
  // Uploaded files go to a folder of this test app's own, removed with it.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plit-test-'));
  const app = await buildApp({
    env: loadEnv({
      NODE_ENV: 'test',
      PUBLIC_URL: 'http://plit.test',
      LOG_LEVEL: 'silent',
      PLIT_DATA_DIR: dataDir,
      ...env,
    }),
    database,
    webRoot: null,
    logger: false,
  });
  await app.ready();
  return {
    app,
    database,
    dataDir,
    async close() {
      await app.close();
      await dispose();
      await rm(dataDir, { recursive: true, force: true });
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
