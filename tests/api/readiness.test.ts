import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/server/db/connect.ts';
import { loadEnv } from '../../src/server/env.ts';
import { createDiskStorage } from '../../src/server/files/storage.ts';
import { createReadiness } from '../../src/server/readiness.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { makeAgency } from '../support/factories.ts';
import { makeSentRequest } from '../support/facts.ts';
import { api } from '../support/http.ts';
import { type PlitProcess, runPlit, stopPlit } from '../support/plitProcess.ts';
import { makePng, upload } from '../support/uploads.ts';

/** Past the health answer's cache (two seconds), so the next call checks again. */
const pastTheCache = () => new Promise((resolve) => setTimeout(resolve, 2100));

const health = (t: TestApp) => api(t.app, endpoints.getHealth, {});

describe('readiness: can this node save', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('[16.5] /api/health answers 503 not_ready when the database refuses writes, a save answers 503, and both recover', async () => {
    const agency = await makeAgency(t.database.db);
    // What a standby after a failover does: reads pass (`select 1` did), every write fails.
    await t.database.db.execute(sql`set default_transaction_read_only = on`);
    try {
      const down = await health(t);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        error: { code: 'not_ready', reason: 'database_unwritable', message: /read-only transaction/ },
      });
      const save = await api(t.app, endpoints.createRubric, {
        params: { clientId: agency.client.id },
        cookie: agency.contentManager.cookie,
        body: { name: 'Новини', color: '#445566' },
      });
      expect(save.status).toBe(503);
      expect(save.body).toMatchObject({ error: { code: 'storage_unavailable' } });
    } finally {
      await t.database.db.execute(sql`set default_transaction_read_only = off`);
    }
    await pastTheCache();
    expect((await health(t)).status).toBe(200);
  });

  it('[16.5] a missing data folder is created', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'lock-missing-'));
    const dataDir = path.join(parent, 'not', 'yet');
    try {
      const database = await connect({ dataDir });
      await database.close();
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});

const postgres = engines().find((e) => e.name === 'postgres');

describe.skipIf(!postgres)('readiness on PostgreSQL', () => {
  it('[16.5] a database that takes reads but refuses writes (read-only, a standby) is not ready', async () => {
    const { database, dispose, url } = await postgres!.open();
    const filesDir = await mkdtemp(path.join(os.tmpdir(), 'lock-pg-files-'));
    const ctx = (db: typeof database.db) => ({
      db,
      dbKind: 'postgres' as const,
      files: createDiskStorage(filesDir),
      env: loadEnv({ NODE_ENV: 'test', PLIT_DATA_DIR: filesDir }),
    });
    let readOnly: Awaited<ReturnType<typeof connect>> | null = null;
    try {
      expect(await createReadiness(ctx(database.db))()).toBeNull();
      const name = new URL(url!).pathname.slice(1);
      await database.db.execute(sql.raw(`alter database ${name} set default_transaction_read_only = on`));
      // New sessions get the setting, as every session of a read-only server would.
      readOnly = await connect({ url });
      expect(await createReadiness(ctx(readOnly.db))()).toEqual({
        reason: 'database_unwritable',
        message: expect.stringMatching(/read-only transaction/),
      });
    } finally {
      await readOnly?.close();
      await dispose();
      await rm(filesDir, { recursive: true, force: true });
    }
  });
});

// CI runs as root: real mounts, not chmod (root writes through any mode bits).
const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('a read-only or full disk (needs root to mount)', () => {
  const base = path.join(os.tmpdir(), `lock-disks-${process.pid}`);
  const roSource = path.join(base, 'ro-source');
  const readOnly = path.join(base, 'read-only');
  const full = path.join(base, 'full');
  const filler = path.join(full, 'filler');
  const mounted: string[] = [];
  const started: PlitProcess[] = [];
  const plitOn = (dataDir: string) => {
    const proc = runPlit(['start'], { PLIT_DATA_DIR: dataDir, PORT: '3383' });
    started.push(proc);
    return proc;
  };
  const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });

  /** Writes until the disk says no: a full disk, with nothing else to free. */
  const fill = () => {
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'pipe' });
    } catch {
      // dd ends with "No space left on device": that is the point.
    }
  };

  beforeAll(() => {
    for (const dir of [roSource, readOnly, full]) mkdirSync(dir, { recursive: true });
    mkdirSync(path.join(roSource, 'data'));
    writeFileSync(path.join(roSource, 'data', 'PG_VERSION'), '18\n');
    mount('--bind', roSource, readOnly);
    mounted.push(readOnly);
    mount('-o', 'remount,ro,bind', readOnly);
    mount('-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', full);
    mounted.push(full);
  });
  afterAll(async () => {
    // Before unmounting: a start that outlived a failed test would write under the mount point.
    for (const proc of started) await stopPlit(proc, 'SIGKILL');
    for (const dir of mounted.reverse()) execFileSync('umount', [dir]);
    rmSync(base, { recursive: true, force: true });
  });

  it('[16.5] start-up on a read-only data folder exits naming the folder and the system reason', async () => {
    // An existing folder (PGlite said `errno: 69`) and a missing one (`ENOENT … mkdir`).
    for (const dataDir of [path.join(readOnly, 'data'), path.join(readOnly, 'missing')]) {
      const plit = plitOn(dataDir);
      expect((await plit.exited).code).not.toBe(0);
      expect(plit.output()).toContain(
        `Cannot use the data folder ${dataDir} (PLIT_DATA_DIR): read-only file system (EROFS).`,
      );
    }
  }, 120_000);

  it('[16.5] start-up on a full data folder exits naming the folder and the system reason', async () => {
    mkdirSync(path.join(full, 'data'));
    fill();
    try {
      const dataDir = path.join(full, 'data');
      const plit = plitOn(dataDir);
      expect((await plit.exited).code).not.toBe(0);
      expect(plit.output()).toContain(
        `Cannot use the data folder ${dataDir} (PLIT_DATA_DIR): no space left on device (ENOSPC).`,
      );
    } finally {
      rmSync(filler, { force: true });
    }
  }, 120_000);

  it('[16.5] /api/health answers 503 when the file storage is read-only', async () => {
    const t = await createTestApp({ PLIT_DATA_DIR: path.join(readOnly, 'data') });
    try {
      const res = await health(t);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        error: { code: 'not_ready', reason: 'storage_unwritable', message: /read-only file system/ },
      });
      // Health answers anyone: the system's words, never where on the server it failed.
      expect(JSON.stringify(res.body)).not.toContain(readOnly);
    } finally {
      await t.close();
    }
  });

  it('[16.5] on a full disk /api/health answers 503 and an upload answers 503 storage_unavailable, not 500', async () => {
    const t = await createTestApp({ PLIT_DATA_DIR: path.join(full, 'app') });
    try {
      const agency = await makeAgency(t.database.db);
      const sent = await makeSentRequest(t.database.db, agency, [{ question: 'Фото', kind: 'files' }]);
      const itemId = sent.items[0]!.id;
      const photo = makePng(64, 64);
      fill();

      const down = await health(t);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        error: { code: 'not_ready', reason: 'storage_unwritable', message: /no space left on device/ },
      });
      const refused = await upload(t.app, itemId, agency.approver.cookie, 'фото.png', photo);
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('storage_unavailable');

      rmSync(filler, { force: true });
      await pastTheCache();
      expect((await health(t)).status).toBe(200);
      expect((await upload(t.app, itemId, agency.approver.cookie, 'фото.png', photo)).status).toBe(201);
    } finally {
      rmSync(filler, { force: true });
      await t.close();
    }
  });
});
