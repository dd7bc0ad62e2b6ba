import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { agencies, users } from '../../src/server/db/schema/index.ts';
import { createDiskStorage } from '../../src/server/files/storage.ts';
import { prepareDatabase, startupFailureMessage } from '../../src/server/startup.ts';
import { engines } from '../support/engines.ts';

const postgres = engines().find((e) => e.name === 'postgres');

describe.skipIf(!postgres)('start-up steps on PostgreSQL (two nodes at once)', () => {
  let first: Database;
  let second: Database;
  let dispose: () => Promise<void>;
  let filesDir: string;

  beforeAll(async () => {
    // A fresh, empty database of its own, dropped after (engines.ts).
    const opened = await postgres!.open();
    first = opened.database;
    dispose = opened.dispose;
    second = await connect({ url: opened.url });
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'lock-startup-'));
  });
  afterAll(async () => {
    await second?.close();
    await dispose?.();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('[16.3] two nodes starting together on an empty database both come up, and the demo exists once', async () => {
    const files = createDiskStorage(filesDir);
    // Before the start-up lock both saw no agency, both seeded, and one failed on a duplicate user.
    const seeded = await Promise.all([
      prepareDatabase(first, { demo: true, files }),
      prepareDatabase(second, { demo: true, files }),
    ]);
    expect(seeded.sort()).toEqual([false, true]);
    expect(await first.db.select().from(agencies).where(eq(agencies.name, 'Demo Agency'))).toHaveLength(1);
    expect(await first.db.select().from(users).where(eq(users.email, 'owner@plit.demo'))).toHaveLength(1);
    // A third node later finds everything done.
    expect(await prepareDatabase(second, { demo: true, files })).toBe(false);
  });
});

describe('a start-up failure in the log', () => {
  it('[16.3] names the database reason of a failed insert, never its parameters (a password hash)', async () => {
    const database = await connect({});
    try {
      await migrate(database);
      const row = { email: 'twice@plit.test', name: 'Twice', passwordHash: '$argon2id$v=19$secret-hash' };
      await database.db.insert(users).values(row);
      const failure = await database.db
        .insert(users)
        .values(row)
        .then(
          () => null,
          (error: unknown) => error,
        );
      // What was printed before: Drizzle's message lists the parameters, the hash among them.
      expect(String((failure as Error).message)).toContain('secret-hash');
      const printed = startupFailureMessage(failure);
      expect(printed).toMatch(/duplicate key value violates unique constraint/);
      expect(printed).toContain('23505');
      expect(printed).not.toContain('secret-hash');
      expect(printed).not.toContain('params');
    } finally {
      await database.close();
    }
  });
});
