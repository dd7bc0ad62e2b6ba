#!/usr/bin/env node
import { tokenLifetimeMs } from '../src/server/auth/emailTokens.ts';
// The `plit` command: `plit start` (default), `plit migrate`, `plit reset-link EMAIL`,
// `plit backup FILE` or `plit restore FILE [--force]`.
import { backupCommand, restoreCommand } from '../src/server/backup/commands.ts';
import { issueResetLink } from '../src/server/commands/accounts/issueResetLink.ts';
import { connect } from '../src/server/db/connect.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadEnv } from '../src/server/env.ts';
import { start } from '../src/server/main.ts';
import { startupFailureMessage } from '../src/server/startup.ts';

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
  if (command === 'reset-link') return printResetLink(process.argv[3]);
  if (command === 'backup') return backupCommand(process.argv[3]);
  if (command === 'restore') return restoreCommand(process.argv.slice(3));
  console.error(
    `Unknown command "${command}". Use: plit start | plit migrate | plit reset-link EMAIL | plit backup FILE | plit restore FILE [--force]`,
  );
  process.exit(2);
}

/** For a server without SMTP: the operator hands the person a reset link by other means. */
async function printResetLink(address: string | undefined): Promise<void> {
  if (!address) {
    console.error('Usage: plit reset-link EMAIL');
    process.exit(2);
  }
  const env = loadEnv();
  const database = await connect({ url: env.DATABASE_URL, dataDir: env.dataDir });
  try {
    const link = await issueResetLink(database.db, env.publicUrl, address);
    if (!link) {
      console.error(`No account has the email ${address}.`);
      process.exitCode = 1;
      return;
    }
    const minutes = tokenLifetimeMs.password_reset / 60_000;
    console.log(link);
    console.error(
      `One-time link to set a new password, valid for ${minutes} minutes. Give it only to its owner.`,
    );
  } finally {
    await database.close();
  }
}

run().catch((err: unknown) => {
  console.error(startupFailureMessage(err));
  process.exit(1);
});
