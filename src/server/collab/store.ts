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
    const rows = batches
      .filter((b) => !refused.has(b.name))
      .flatMap((b) => b.updates.map((update) => ({ name: b.name, update })));
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
 * meanwhile stay for the next compaction. The state row's lock makes compactions of one
 * document take turns.
 */
export async function compactState(db: Db, name: string, live: Uint8Array): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(collabDocuments).values({ name, state: EMPTY }).onConflictDoNothing();
    const [row] = await tx
      .select({ state: collabDocuments.state })
      .from(collabDocuments)
      .where(eq(collabDocuments.name, name))
      .for('update');
    const since = await tx
      .select({ id: collabUpdates.id, update: collabUpdates.update })
      .from(collabUpdates)
      .where(eq(collabUpdates.name, name))
      .orderBy(asc(collabUpdates.id));
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, row?.state ?? EMPTY);
      for (const { update } of since) Y.applyUpdate(doc, update);
      Y.applyUpdate(doc, live);
      await tx
        .update(collabDocuments)
        .set({ state: Y.encodeStateAsUpdate(doc), updatedAt: sql`now()` })
        .where(eq(collabDocuments.name, name));
    } finally {
      doc.destroy();
    }
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
