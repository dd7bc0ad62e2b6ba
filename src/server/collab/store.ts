import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db, Executor } from '../db/connect.ts';
import { collabDocuments, collabUpdates } from '../db/schema/index.ts';

/** A Yjs update that changes nothing: the state of a document nobody has written yet. */
const EMPTY = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * The stored state of a shared document, or null when nobody has written to it: its last
 * compacted state with every change stored since merged in.
 */
export async function loadState(db: Executor, name: string): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ state: collabDocuments.state })
    .from(collabDocuments)
    .where(eq(collabDocuments.name, name));
  const since = await db
    .select({ update: collabUpdates.update })
    .from(collabUpdates)
    .where(eq(collabUpdates.name, name))
    .orderBy(asc(collabUpdates.id));
  if (since.length === 0) return row?.state ?? null;
  return Y.mergeUpdates([row?.state ?? EMPTY, ...since.map((r) => r.update)]);
}

/** Changes to store for one document. */
export interface Batch {
  name: string;
  updates: Uint8Array[];
}

/**
 * Store the changes of many documents in one transaction of one insert: the write costs the
 * same for one document or fifty, and nothing about it grows with the documents' size.
 * `check` runs first for each document, in the same transaction (a post's copy takes a share
 * lock on its post there); a document whose check throws is not stored and gets that error
 * back, the others are stored. A database error refuses every batch.
 */
export async function storeUpdates(
  db: Db,
  batches: Batch[],
  check?: (tx: Executor, name: string) => Promise<void>,
): Promise<Map<string, unknown>> {
  const refused = new Map<string, unknown>();
  await db.transaction(async (tx) => {
    if (check) {
      // One order for every writer: two transactions locking the same posts take them in turn.
      for (const { name } of [...batches].sort((a, b) => a.name.localeCompare(b.name))) {
        await check(tx, name).catch((err: unknown) => refused.set(name, err));
      }
    }
    // One row per document and write: its updates merged (cheap, no document is built).
    const rows = batches
      .filter((b) => !refused.has(b.name))
      .map((b) => ({
        name: b.name,
        update: b.updates.length === 1 ? b.updates[0]! : Y.mergeUpdates(b.updates),
      }));
    if (rows.length > 0) await tx.insert(collabUpdates).values(rows);
  });
  return refused;
}

/** Add changes to one document (tests, and writers outside a live editor). */
export async function appendUpdates(
  db: Db,
  name: string,
  updates: Uint8Array[],
  check?: (tx: Executor) => Promise<void>,
): Promise<void> {
  const refused = await storeUpdates(db, [{ name, updates }], check && ((tx) => check(tx)));
  if (refused.has(name)) throw refused.get(name);
}

/**
 * Fold the changes stored since the last compaction, and the live document, into one
 * garbage-collected state (merged updates keep the text of deletions, a rebuilt document
 * drops it), then delete exactly the changes it folded: another process's changes stored
 * meanwhile stay for the next compaction.
 *
 * The work is done outside the transaction, which only swaps the state in: the database is
 * one queue for every request (the embedded one runs in this process), and ten documents'
 * rebuilds inside their transactions held `/api/health` for seconds under a flood of edits.
 * When the live document already holds everything stored, which is the rule (it loaded the
 * store and every change it stored since went into it), its own state is the compacted one
 * and nothing is rebuilt. If another process compacted in between, this one stands down: the
 * changes stay stored, and the next compaction folds them.
 */
export async function compactState(db: Db, name: string, live: Y.Doc): Promise<void> {
  const [row] = await db
    .select({ state: collabDocuments.state })
    .from(collabDocuments)
    .where(eq(collabDocuments.name, name));
  const since = await db
    .select({ id: collabUpdates.id, update: collabUpdates.update })
    .from(collabUpdates)
    .where(eq(collabUpdates.name, name))
    .orderBy(asc(collabUpdates.id));
  const read = row?.state ?? EMPTY;
  const stored = [read, ...since.map((r) => r.update)];
  const snapshot = Y.snapshot(live);
  let state: Uint8Array;
  if (stored.every((update) => Y.snapshotContainsUpdate(snapshot, update))) {
    state = Y.encodeStateAsUpdate(live);
  } else {
    const doc = new Y.Doc();
    try {
      for (const update of stored) Y.applyUpdate(doc, update);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
      state = Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }
  await db.transaction(async (tx) => {
    await tx.insert(collabDocuments).values({ name, state: EMPTY }).onConflictDoNothing();
    const [locked] = await tx
      .select({ state: collabDocuments.state })
      .from(collabDocuments)
      .where(eq(collabDocuments.name, name))
      .for('update');
    if (!locked || Buffer.compare(locked.state, read) !== 0) return;
    await tx
      .update(collabDocuments)
      .set({ state, updatedAt: sql`now()` })
      .where(eq(collabDocuments.name, name));
    if (since.length > 0)
      await tx.delete(collabUpdates).where(
        and(
          eq(collabUpdates.name, name),
          inArray(
            collabUpdates.id,
            since.map((r) => r.id),
          ),
        ),
      );
  });
}

/** The first state of a new document, written inside the transaction that creates its owner. */
export const seedState = (tx: Executor, name: string, state: Uint8Array) =>
  tx.insert(collabDocuments).values({ name, state }).onConflictDoNothing();
