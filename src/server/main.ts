import { buildApp } from './app.ts';
import { serveBackups } from './backup/socket.ts';
import { connect } from './db/connect.ts';
import { prepareDataFolder } from './db/dataFolder.ts';
import { isLoopback, loadEnv } from './env.ts';
import { openStorage } from './files/fromEnv.ts';
import { stopGracefully } from './http/gracefulStop.ts';
import { createInProcessBus, createRedisBus } from './live/bus.ts';
import { DEMO_PASSWORD, demoLogins } from './seed/demo.ts';
import { prepareDatabase } from './startup.ts';
import { plitVersion } from './version.ts';

/** Start Plit: connect, migrate, seed the demo when empty, listen, and say how to get in. */
export async function start(): Promise<void> {
  const env = loadEnv();
  // Made when missing; a read-only or full one is named now, not by the first upload. With
  // PostgreSQL and a bucket this node keeps nothing on its disk, so there is nothing to check.
  if (!env.DATABASE_URL || !env.S3_BUCKET) prepareDataFolder(env.dataDir);
  // Before the database: a bucket that is missing or refuses us stops start-up, saying which.
  const files = await openStorage(env);
  const database = await connect({
    url: env.DATABASE_URL,
    dataDir: env.dataDir,
    onIdleError: (err) => console.warn(`PostgreSQL dropped an idle connection: ${err.message}`),
  });
  const seeded = await prepareDatabase(database, {
    demo: env.PLIT_DEMO,
    files,
  });
  const live = env.REDIS_URL ? await createRedisBus(env.REDIS_URL) : createInProcessBus();
  const app = await buildApp({ env, database, live, files, workers: true });
  await app.listen({ port: env.PORT, host: env.HOST });
  // `plit backup` cannot open a PGlite folder in use; it asks this process instead.
  const backups =
    database.kind === 'pglite'
      ? await serveBackups(
          env.dataDir,
          { db: database.db, engine: database.kind, files, plitVersion },
          {
            warn: (message) => app.log.warn(message),
            error: (error, message) => app.log.error({ err: error }, message),
          },
        )
      : undefined;

  const where =
    database.kind === 'pglite' ? `embedded PGlite in ${env.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const fanOut = env.REDIS_URL ? 'Redis (REDIS_URL)' : 'in-process';
  const lines = [
    '',
    `  Plit is running at ${env.publicUrl}`,
    `  Database: ${where}${seeded ? ' (demo data just created)' : ''}`,
    `  Live updates: ${fanOut}`,
  ];
  if (env.PLIT_DEMO) {
    lines.push(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const login of demoLogins) lines.push(`    ${login.email.padEnd(28)} ${login.who}`);
    if (!isLoopback(env.HOST) || env.TRUST_PROXY !== false) {
      lines.push(
        '  WARNING: PLIT_DEMO=1 on a server others can reach: anyone who knows the demo password',
        '  signs in as the demo agency owner. Use PLIT_DEMO=0 for real work.',
      );
    }
  } else {
    lines.push('  Open the address above to create your agency.');
  }
  console.log(`${lines.join('\n')}\n`);

  // Refuse new connections at once, give what is in flight one grace period, then let the
  // database close cleanly: PGlite flushes on close (http/gracefulStop.ts says how).
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, graceSeconds: env.SHUTDOWN_GRACE_SECONDS }, 'stopping');
    let code = 0;
    try {
      await backups?.close();
      await stopGracefully(app, env.SHUTDOWN_GRACE_SECONDS * 1000);
      await live.close();
    } catch (error) {
      app.log.error({ err: error }, 'the stop did not go cleanly');
      code = 1;
    } finally {
      // Whatever failed before, the database still closes: PGlite flushes and frees the folder.
      await database.close().catch((error: unknown) => {
        app.log.error({ err: error }, 'the database did not close cleanly');
        code = 1;
      });
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
