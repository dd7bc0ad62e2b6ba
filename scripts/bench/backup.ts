/**
 * `npm run bench:backup`: how long `plit backup` and `plit restore` take, and how large the
 * file is, for a large agency: the insights bench's data set (200 clients × 24 closed months,
 * about 58,000 posts; `largeAgency.ts`) plus uploaded files (BENCH_FILES of BENCH_FILE_KB each,
 * random bytes, so gzip cannot shrink them).
 *
 * Source: a fresh embedded database, or the one in DATABASE_URL (use an empty database).
 * Target: always a fresh PGlite folder. One JSON object on stdout.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { checkBackup } from '../../src/server/backup/format.ts';
import { restoreBackup } from '../../src/server/backup/restoreBackup.ts';
import { writeBackup, writeFileAtomically } from '../../src/server/backup/writeBackup.ts';
import { connect } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { createDiskStorage, newFileKey } from '../../src/server/files/storage.ts';
import { seedLargeAgency } from './largeAgency.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const MONTHS = 24;
const FILES = Number(process.env.BENCH_FILES ?? 100);
const FILE_BYTES = Number(process.env.BENCH_FILE_KB ?? 256) * 1024;

const dir = await mkdtemp(path.join(os.tmpdir(), 'plit-bench-backup-'));
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
try {
  const source = await connect({ url: process.env.DATABASE_URL, dataDir: path.join(dir, 'source') });
  await migrate(source);
  const files = createDiskStorage(path.join(dir, 'source-files'));
  let started = performance.now();
  await seedLargeAgency(source.db, CLIENTS, MONTHS);
  // Files hang off fact items, as photos a client uploaded would.
  const items = (await source.db.execute(
    sql`select i.id, r.client_id as "clientId" from fact_items i join fact_requests r on r.id = i.request_id limit ${FILES}`,
  )) as unknown as { rows: Array<{ id: string; clientId: string }> };
  for (const item of items.rows) {
    const key = newFileKey(item.clientId);
    const stored = await files.put(key, Readable.from([randomBytes(FILE_BYTES)]), { maxBytes: FILE_BYTES });
    await source.db.execute(sql`insert into fact_files (item_id, client_id, storage_key, name, content_type, size, sha256)
      values (${item.id}, ${item.clientId}, ${key}, 'photo.jpg', 'image/jpeg', ${stored.bytes}, ${stored.sha256})`);
  }
  const seeded = seconds(started);

  const file = path.join(dir, 'backup.tar.gz');
  started = performance.now();
  const summary = await writeFileAtomically(file, (out) =>
    writeBackup({ db: source.db, engine: source.kind, files, plitVersion: 'bench' }, out),
  );
  const backupSeconds = seconds(started);
  const { size } = await stat(file);
  await source.close();

  started = performance.now();
  const backup = await checkBackup(file);
  const checkSeconds = seconds(started);
  const target = await connect({ dataDir: path.join(dir, 'target') });
  started = performance.now();
  const restored = await restoreBackup(
    { database: target, files: createDiskStorage(path.join(dir, 'target-files')), where: 'the bench target' },
    backup,
  );
  const restoreSeconds = seconds(started);
  await target.close();

  console.log(
    JSON.stringify(
      {
        source: source.kind,
        dataSet: {
          clients: CLIENTS,
          monthsPerClient: MONTHS,
          files: FILES,
          fileKB: FILE_BYTES / 1024,
          seededSeconds: seeded,
        },
        rows: summary.rows,
        files: summary.files,
        backupMB: Math.round((size / 1024 / 1024) * 100) / 100,
        backupSeconds,
        // `plit restore` reads the whole file once to check it, then once more to restore.
        checkSeconds,
        restoreSeconds,
        restoredRows: restored.rows,
        whole: restored.rows === summary.rows && restored.files === summary.files,
      },
      null,
      2,
    ),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
