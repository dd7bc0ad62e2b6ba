#!/usr/bin/env node
// The `plit` command: `plit start` (default) or `plit migrate`.
import { connect } from '../src/server/db/connect.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadEnv } from '../src/server/env.ts';
import { start } from '../src/server/main.ts';

const command = process.argv[2] ?? 'start';

async function run(): Promise<void> {
  if (command === 'start') return start();
  if (command === 'migrate') {
    const env = loadEnv();
    const database = await connect({ url: env.DATABASE_URL, dataDir: env.dataDir });
    await migrate(database);
    await database.close();
    console.log(`Migrations applied (${database.kind}).`);
    return;
  }
  console.error(`Unknown command "${command}". Use: plit start | plit migrate`);
  process.exit(2);
}

run().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
