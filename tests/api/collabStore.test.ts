import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactState, loadState, storeUpdates } from '../../src/server/collab/store.ts';
import { createUpdateLog } from '../../src/server/collab/updateLog.ts';
import { connect, type Database, type Db } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { collabUpdates } from '../../src/server/db/schema/index.ts';

let database: Database;
beforeAll(async () => {
  database = await connect({});
  await migrate(database);
});
afterAll(() => database.close());

/** A document's editor: each `type` is one Yjs update, as one keystroke sends. */
function editor() {
  const doc = new Y.Doc();
  return {
    doc,
    type(text: string) {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(doc.getText('t').length, text);
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

const textOf = async (name: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadState(database.db, name))!);
  return doc.getText('t').toString();
};

/** The database, counting the transactions begun on it. */
function counting(db: Db) {
  const count = { transactions: 0 };
  const wrapped = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'transaction') {
        return (...args: Parameters<Db['transaction']>) => {
          count.transactions += 1;
          return target.transaction(...args);
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { db: wrapped, count };
}

describe('stored changes of shared documents', () => {
  it('[C1] changes of many documents arriving while a write runs are stored together, in one transaction', async () => {
    const { db, count } = counting(database.db);
    // The first write is held open until the other changes have arrived.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let checks = 0;
    const log = createUpdateLog(db, async () => {
      if (checks++ === 0) await held;
    });
    const editors = Array.from({ length: 10 }, (_, i) => ({ name: `store-test:${i}`, editor: editor() }));
    const first = log.append(editors[0]!.name, editors[0]!.editor.type('a'));
    await new Promise((r) => setTimeout(r, 20));
    expect(count.transactions).toBe(1);
    const rest: Promise<void>[] = [];
    for (let k = 0; k < 5; k++)
      for (const { name, editor: e } of editors) rest.push(log.append(name, e.type(String(k))));
    release();
    await Promise.all([first, ...rest]);
    // Fifty changes of ten documents: one more transaction, not fifty, nor ten.
    expect(count.transactions).toBe(2);
    expect(await textOf(editors[0]!.name)).toBe('a01234');
    expect(await textOf(editors[9]!.name)).toBe('01234');
  });

  it('[C2] a document whose check refuses is not stored; the others written with it are', async () => {
    const log = createUpdateLog(database.db, async (_tx, name) => {
      if (name === 'store-test:locked') throw new Error('post_locked');
    });
    const open = editor();
    const locked = editor();
    const results = await Promise.allSettled([
      log.append('store-test:open', open.type('kept')),
      log.append('store-test:locked', locked.type('refused')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(await textOf('store-test:open')).toBe('kept');
    expect(await loadState(database.db, 'store-test:locked')).toBeNull();
  });

  it('[C5] compaction folds exactly the changes it read; a change stored by another process stays', async () => {
    const name = 'store-test:compact';
    const e = editor();
    await storeUpdates(database.db, [{ name, updates: [e.type('one '), e.type('two ')] }]);
    // This process's live document: everything stored so far.
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(e.doc));
    await compactState(database.db, name, live);
    expect(await database.db.select().from(collabUpdates).where(eq(collabUpdates.name, name))).toEqual([]);
    expect(await textOf(name)).toBe('one two ');
    // Another process stores a change this live document has not received yet.
    await storeUpdates(database.db, [{ name, updates: [e.type('three')] }]);
    await compactState(database.db, name, live);
    expect(await textOf(name)).toBe('one two three');
    expect(await database.db.select().from(collabUpdates).where(eq(collabUpdates.name, name))).toEqual([]);
  });
});
