import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreCommand } from '../../src/server/backup/commands.ts';
import { BackupError, checkBackup, type Manifest } from '../../src/server/backup/format.ts';
import { restoreBackup } from '../../src/server/backup/restoreBackup.ts';
import { requestBackup, serveBackups, socketAnswers, socketPathOf } from '../../src/server/backup/socket.ts';
import { readTar, tarStream } from '../../src/server/backup/tar.ts';
import { writeBackup, writeFileAtomically } from '../../src/server/backup/writeBackup.ts';
import { connect, type Database, type Db } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import * as schema from '../../src/server/db/schema/index.ts';
import { createDiskStorage } from '../../src/server/files/storage.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { type Engine, engines } from '../support/engines.ts';

const run = promisify(execFile);
const postgres = engines().find((e) => e.name === 'postgres');
/** Stands in for PostgreSQL when TEST_DATABASE_URL is unset, so the skipped tests keep their names. */
const postgresOrNone: Engine = postgres ?? {
  name: 'postgres',
  open: () => Promise.reject(new Error('TEST_DATABASE_URL is not set')),
};
const pglite = engines().find((e) => e.name === 'pglite')!;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp('/tmp/backup-test-');
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Every table of the Drizzle schema, read with Drizzle (not the backup's own catalogue reader). */
const schemaTables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
  is(value, PgTable),
);

async function everyRow(db: Db): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of schemaTables) {
    const config = getTableConfig(table);
    const key = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
    rows[config.name] = await db
      .select()
      .from(table)
      .orderBy(...key);
  }
  return rows;
}

async function filesUnder(root: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  if (!existsSync(root)) return found;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    found[path.relative(root, full)] = createHash('sha256')
      .update(await readFile(full))
      .digest('hex');
  }
  return found;
}

/** The demo plus values the demo lacks: a jsonb holding JSON null, a bytea row with a serial id. */
async function seedSource(db: Db, filesDir: string): Promise<void> {
  expect(await seedDemo(db, createDiskStorage(filesDir))).toBe(true);
  await db.execute(
    sql`update meetings set summary = 'null'::jsonb where id = (select min(id::text)::uuid from meetings)`,
  );
  await db.execute(
    sql`insert into collab_updates (name, update) select name, '\\x00ff10'::bytea from collab_documents limit 1`,
  );
}

async function backUp(database: Database, filesDir: string, file: string) {
  const source = {
    db: database.db,
    engine: database.kind,
    files: createDiskStorage(filesDir),
    plitVersion: 'test',
  };
  return writeFileAtomically(file, (out) => writeBackup(source, out));
}

function roundTrip(from: Engine, to: Engine) {
  it(`[16.4] a backup of the demo on ${from.name} restores onto ${to.name} with every row of every table and every file`, async () => {
    const dir = await mkdtemp(path.join(scratch, `${from.name}-${to.name}-`));
    const source = await from.open();
    const target = await to.open();
    try {
      await migrate(source.database);
      await seedSource(source.database.db, path.join(dir, 'a'));
      const file = path.join(dir, 'backup.tar.gz');
      const summary = await backUp(source.database, path.join(dir, 'a'), file);
      expect(summary.missing).toEqual([]);

      const backup = await checkBackup(file);
      expect(backup.manifest.engine).toBe(from.name);
      // The bookkeeping table is not data: the migration level stands in the manifest instead.
      expect(backup.manifest.tables.map((t) => t.name)).not.toContain('__drizzle_migrations');
      expect(backup.manifest.tables.map((t) => t.name).sort()).toEqual(
        schemaTables.map((t) => getTableConfig(t).name).sort(),
      );
      // Parents before children: users before sessions, clients before cycles before slots.
      const order = backup.manifest.tables.map((t) => t.name);
      expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
      expect(order.indexOf('cycles')).toBeLessThan(order.indexOf('slots'));

      const restored = await restoreBackup(
        {
          database: target.database,
          files: createDiskStorage(path.join(dir, 'b')),
          where: 'the test target',
        },
        backup,
      );
      expect(restored.replaced).toBe(false);

      const before = await everyRow(source.database.db);
      const after = await everyRow(target.database.db);
      for (const table of Object.keys(before))
        expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
      expect(Object.values(before).flat().length).toBe(summary.rows);
      expect(before.collab_updates).toHaveLength(1);

      const files = await filesUnder(path.join(dir, 'a'));
      expect(Object.keys(files).length).toBeGreaterThan(0);
      expect(await filesUnder(path.join(dir, 'b'))).toEqual(files);

      // JSON null in a jsonb column stays a value, not SQL NULL.
      const nulls = async (db: Db) =>
        (
          (await db.execute(
            sql`select count(*)::int as n from meetings where summary = 'null'::jsonb`,
          )) as unknown as {
            rows: Array<{ n: number }>;
          }
        ).rows[0]!.n;
      expect(await nulls(target.database.db)).toBe(1);
      // New ids continue after the restored ones.
      const next = (await target.database.db.execute(
        sql`insert into collab_updates (name, update) select name, '\\x01'::bytea from collab_documents limit 1 returning id`,
      )) as unknown as { rows: Array<{ id: string | number }> };
      expect(Number(next.rows[0]!.id)).toBeGreaterThan((before.collab_updates![0] as { id: number }).id);
    } finally {
      await source.dispose();
      await target.dispose();
    }
  }, 180_000);
}

describe('[16.4] backup and restore', () => {
  roundTrip(pglite, pglite);
});

describe.skipIf(!postgres)(
  '[16.4] backup and restore across engines (skipped: set TEST_DATABASE_URL to a PostgreSQL server)',
  () => {
    roundTrip(pglite, postgresOrNone);
    roundTrip(postgresOrNone, pglite);
  },
);

describe.skipIf(!postgres)(
  '[16.4] one instant on PostgreSQL (skipped: set TEST_DATABASE_URL to a PostgreSQL server)',
  () => {
    it('[16.4] rows committed while the backup runs are in it whole or not at all', async () => {
      const dir = await mkdtemp(path.join(scratch, 'instant-'));
      const source = await postgresOrNone.open();
      const target = await pglite.open();
      try {
        await migrate(source.database);
        await seedDemo(source.database.db, createDiskStorage(path.join(dir, 'a')));
        // Each transaction adds an agency and its owner. Read table by table at different
        // moments, a backup would catch an owner whose agency it read before it existed, and
        // its restore would fail on the foreign key.
        let writing = true;
        let committed = 0;
        const writer = (async () => {
          while (writing) {
            await source.database.db.transaction(async (tx) => {
              const n = committed;
              await tx.execute(
                sql`insert into users (id, email, name) values (gen_random_uuid(), ${`w${n}@instant.test`}, 'W')`,
              );
              await tx.execute(
                sql`insert into agencies (id, name) values (gen_random_uuid(), ${`Agency ${n}`})`,
              );
              await tx.execute(sql`insert into agency_members (agency_id, user_id, role)
                select a.id, u.id, 'owner' from agencies a, users u where a.name = ${`Agency ${n}`} and u.email = ${`w${n}@instant.test`}`);
            });
            committed++;
          }
        })();
        const file = path.join(dir, 'busy.tar.gz');
        const before = committed;
        await backUp(source.database, path.join(dir, 'a'), file);
        const during = committed - before;
        writing = false;
        await writer;
        expect(during).toBeGreaterThan(0);
        const backup = await checkBackup(file);
        const rowsOf = (name: string) => backup.manifest.tables.find((t) => t.name === name)!.rows;
        await restoreBackup(
          {
            database: target.database,
            files: createDiskStorage(path.join(dir, 'b')),
            where: 'the test target',
          },
          backup,
        );
        const owners = (await target.database.db.execute(
          sql`select count(*)::int as n from agency_members m join agencies a on a.id = m.agency_id where a.name like 'Agency %'`,
        )) as unknown as { rows: Array<{ n: number }> };
        const agencies = (await target.database.db.execute(
          sql`select count(*)::int as n from agencies where name like 'Agency %'`,
        )) as unknown as { rows: Array<{ n: number }> };
        expect(owners.rows[0]!.n).toBe(agencies.rows[0]!.n);
        expect(rowsOf('agencies')).toBeGreaterThan(0);
      } finally {
        await source.dispose();
        await target.dispose();
      }
    }, 180_000);
  },
);

/** An archive's entries, to be changed and written back as a bad backup. */
async function entriesOf(file: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  const { createReadStream } = await import('node:fs');
  const { createGunzip } = await import('node:zlib');
  const entries: Array<{ name: string; bytes: Buffer }> = [];
  for await (const entry of readTar(createReadStream(file).pipe(createGunzip()))) {
    const parts: Buffer[] = [];
    for await (const chunk of entry.body) parts.push(chunk);
    entries.push({ name: entry.name, bytes: Buffer.concat(parts) });
  }
  return entries;
}

async function archive(file: string, entries: Array<{ name: string; bytes: Buffer }>): Promise<string> {
  async function* members() {
    for (const entry of entries) yield { name: entry.name, size: entry.bytes.length, body: entry.bytes };
  }
  const parts: Buffer[] = [];
  for await (const chunk of tarStream(members())) parts.push(chunk);
  await writeFile(file, gzipSync(Buffer.concat(parts)));
  return file;
}

async function withManifest(source: string, file: string, change: (manifest: Manifest) => void) {
  const entries = await entriesOf(source);
  const manifest = entries.find((e) => e.name === 'manifest.json')!;
  const parsed = JSON.parse(manifest.bytes.toString('utf8')) as Manifest;
  change(parsed);
  manifest.bytes = Buffer.from(JSON.stringify(parsed));
  return archive(file, entries);
}

describe('[16.B] restore refuses a bad backup before touching anything', () => {
  let good: string;
  let database: Database;
  let saved: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await connect({});
    await migrate(database);
    await seedDemo(database.db, createDiskStorage(path.join(scratch, 'bad-input-files')));
    good = await mkdtemp(path.join(scratch, 'bad-'));
    good = path.join(good, 'good.tar.gz');
    await backUp(database, path.join(scratch, 'bad-input-files'), good);
    saved = { ...process.env };
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    process.env = saved;
    await database.close();
  });

  /** `plit restore FILE` into a data folder that does not exist yet: it must not appear. */
  async function refusedByCommand(file: string): Promise<string> {
    const dataDir = path.join(path.dirname(file), `data-${path.basename(file)}`);
    process.env.PLIT_DATA_DIR = dataDir;
    const error = await restoreCommand([file]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect(existsSync(dataDir)).toBe(false);
    return (error as Error).message;
  }

  it('[16.B] a truncated backup is refused as truncated', async () => {
    const bytes = await readFile(good);
    const cut = path.join(path.dirname(good), 'cut.tar.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await refusedByCommand(cut)).toMatch(/truncated or damaged/);
  });

  it("[16.B] a backup with one table's entry missing is refused as damaged", async () => {
    const entries = await entriesOf(good);
    const file = await archive(
      path.join(path.dirname(good), 'no-users.tar.gz'),
      entries.filter((e) => e.name !== 'tables/users.ndjson'),
    );
    expect(await refusedByCommand(file)).toMatch(/damaged: tables\/users\.ndjson is missing/);
  });

  it('[16.B] a backup with a changed byte in a table is refused as damaged', async () => {
    const entries = await entriesOf(good);
    const users = entries.find((e) => e.name === 'tables/users.ndjson')!;
    users.bytes = Buffer.from(users.bytes.toString('utf8').replace('demo', 'dEmo'));
    const file = await archive(path.join(path.dirname(good), 'flipped.tar.gz'), entries);
    expect(await refusedByCommand(file)).toMatch(/damaged: tables\/users\.ndjson does not match its sha256/);
  });

  it('[16.B] a backup in another format version is refused, naming both versions', async () => {
    const file = await withManifest(good, path.join(path.dirname(good), 'v2.tar.gz'), (m) => {
      (m as { formatVersion: number }).formatVersion = 2;
    });
    expect(await refusedByCommand(file)).toMatch(/backup format version 2; this Plit reads version 1/);
  });

  it('[16.B] a backup from a newer Plit (a migration this code does not know) is refused', async () => {
    const file = await withManifest(good, path.join(path.dirname(good), 'future.tar.gz'), (m) => {
      m.migration = { tag: '0099_future', when: m.migration.when + 1000, hash: 'f'.repeat(64) };
    });
    expect(await refusedByCommand(file)).toMatch(
      /taken by a newer Plit \(migration 0099_future\).*Upgrade Plit/,
    );
  });

  it('[16.B] a file that is not a Plit backup is refused as such (plain text, and a tar.gz of something else)', async () => {
    const text = path.join(path.dirname(good), 'notes.txt');
    await writeFile(text, 'not a backup\n');
    expect(await refusedByCommand(text)).toMatch(/not a Plit backup \(not a gzip archive\)/);
    const other = await archive(path.join(path.dirname(good), 'other.tar.gz'), [
      { name: 'photo.jpg', bytes: Buffer.from('jpeg') },
    ]);
    expect(await refusedByCommand(other)).toMatch(/not a Plit backup \(it has no manifest\.json\)/);
  });

  it('[16.B] restore into a database that holds rows is refused without --force, and replaces them with it', async () => {
    const target = await connect({});
    try {
      await migrate(target);
      const filesDir = path.join(scratch, 'force-files');
      await seedDemo(target.db, createDiskStorage(filesDir));
      await target.db.execute(sql`update agencies set name = 'Changed after the backup'`);
      const backup = await checkBackup(good);
      const into = { database: target, files: createDiskStorage(filesDir), where: 'the test database' };
      await expect(restoreBackup(into, backup)).rejects.toThrow(
        /Cannot restore into the test database: it already holds data .*add --force/,
      );
      const changed = await everyRow(target.db);
      expect(changed.agencies!.map((a) => (a as { name: string }).name)).toContain(
        'Changed after the backup',
      );

      const restored = await restoreBackup(into, backup, { force: true });
      expect(restored.replaced).toBe(true);
      expect(await everyRow(target.db)).toEqual(await everyRow(database.db));
    } finally {
      await target.close();
    }
  }, 180_000);
});

describe('[16.4] the backup socket', () => {
  it('[16.4] replaces a socket file a crashed server left, streams a whole backup, and lists a file missing from storage instead of failing', async () => {
    const dataDir = await mkdtemp(path.join(scratch, 'socket-'));
    const filesDir = path.join(dataDir, 'files');
    const database = await connect({});
    const warnings: string[] = [];
    let closable: { close(): Promise<void> } | undefined;
    try {
      await migrate(database);
      await seedDemo(database.db, createDiskStorage(filesDir));
      const [lost] = Object.keys(await filesUnder(filesDir));
      await rm(path.join(filesDir, lost!));
      // What a process killed with -9 leaves: the file, and no one listening.
      await writeFile(path.join(dataDir, 'plit.sock'), '');
      const source = {
        db: database.db,
        engine: database.kind,
        files: createDiskStorage(filesDir),
        plitVersion: 't',
      };
      closable = await serveBackups(dataDir, source, {
        warn: (message) => warnings.push(message),
        error: (error) => warnings.push(String(error)),
      });
      expect(await socketAnswers(socketPathOf(dataDir))).toBe(true);

      const file = path.join(dataDir, 'via-socket.tar.gz');
      const summary = await writeFileAtomically(file, (out) => requestBackup(socketPathOf(dataDir), out));
      const key = lost!.split(path.sep).join('/');
      expect(summary.missing).toEqual([key]);
      expect(warnings.join('\n')).toContain(
        `File ${key} is referenced by the database but missing from storage`,
      );
      const backup = await checkBackup(file);
      expect(backup.manifest.files).toEqual([{ key, missing: true, reason: expect.any(String) }]);
    } finally {
      await closable?.close();
      await database.close();
    }
    expect(existsSync(path.join(dataDir, 'plit.sock'))).toBe(false);
  }, 180_000);
});

/** `node bin/plit.ts …` with its own environment; resolves with its output, whatever its exit code. */
async function plit(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _db, PUBLIC_URL: _url, ...inherited } = process.env;
  return run(process.execPath, ['bin/plit.ts', ...args], {
    env: { ...inherited, ...env },
    timeout: 120_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

describe('[16.4] `plit backup` while Plit runs on PGlite', () => {
  let server: ChildProcess | undefined;
  let dir: string;

  afterAll(async () => {
    if (server?.exitCode === null) {
      server.kill('SIGKILL');
      await once(server, 'exit');
    }
  });

  it('[16.4] the running server writes the backup through its socket; restore refuses while it runs, then restores into a new folder', async () => {
    dir = await mkdtemp(path.join(scratch, 'live-'));
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir);
    const env = {
      PLIT_DATA_DIR: dataDir,
      PORT: '3393',
      HOST: '127.0.0.1',
      PLIT_DEMO: '1',
      LOG_LEVEL: 'warn',
    };
    const { DATABASE_URL: _db, PUBLIC_URL: _url, ...inherited } = process.env;
    server = spawn(process.execPath, ['bin/plit.ts', 'start'], {
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 90_000;
    while (!output.includes('Plit is running at')) {
      if (Date.now() > deadline || server.exitCode !== null)
        throw new Error(`Plit did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const socket = await stat(path.join(dataDir, 'plit.sock'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);

    const file = path.join(dir, 'live.tar.gz');
    const backedUp = await plit(['backup', file], env);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(
      /Backup written to .* through the running Plit: \d+ tables, \d+ rows, 1 file,/,
    );
    const backup = await checkBackup(file);
    expect(backup.manifest.engine).toBe('pglite');
    expect(backup.manifest.tables.find((t) => t.name === 'users')!.rows).toBeGreaterThan(0);

    // Restore in this process (the command's own code, without another minute of process start-ups).
    const saved = { ...process.env };
    delete process.env.DATABASE_URL;
    process.env.PLIT_DATA_DIR = dataDir;
    try {
      await expect(restoreCommand([file])).rejects.toThrow(
        /Plit is running on .*data: stop it, then restore/,
      );
    } finally {
      process.env = saved;
    }

    server.kill('SIGTERM');
    await once(server, 'exit');
    expect(existsSync(path.join(dataDir, 'plit.sock'))).toBe(false);

    const fresh = path.join(dir, 'restored');
    delete process.env.DATABASE_URL;
    process.env.PLIT_DATA_DIR = fresh;
    try {
      await restoreCommand([file]);
    } finally {
      process.env = saved;
    }
    const original = await connect({ dataDir });
    const copy = await connect({ dataDir: fresh });
    try {
      expect(await everyRow(copy.db)).toEqual(await everyRow(original.db));
    } finally {
      await original.close();
      await copy.close();
    }
    expect(await filesUnder(path.join(fresh, 'files'))).toEqual(
      await filesUnder(path.join(dataDir, 'files')),
    );
  }, 240_000);
});
