import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db, Executor } from '../db/connect.ts';
import { collabDocuments } from '../db/schema/index.ts';

/** A Yjs update that changes nothing: the state of a document nobody has written yet. */
const EMPTY = Y.encodeStateAsUpdate(new Y.Doc());

/** The stored state of a shared document, or null when nobody has written to it. */
export async function loadState(db: Executor, name: string): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ state: collabDocuments.state })
    .from(collabDocuments)
    .where(eq(collabDocuments.name, name));
  return row?.state ?? null;
}

/**
 * Replace a document's stored state with `combine(stored)`, in one short transaction that
 * holds the row lock only while it merges: another process writing the same document waits
 * for it, so neither can overwrite what the other has just stored.
 */
export async function rewriteState(
  db: Db,
  name: string,
  combine: (stored: Uint8Array) => Uint8Array,
  check?: (tx: Executor) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (check) await check(tx);
    await tx.insert(collabDocuments).values({ name, state: EMPTY }).onConflictDoNothing();
    const [row] = await tx
      .select({ state: collabDocuments.state })
      .from(collabDocuments)
      .where(eq(collabDocuments.name, name))
      .for('update');
    await tx
      .update(collabDocuments)
      .set({ state: combine(row?.state ?? EMPTY), updatedAt: sql`now()` })
      .where(eq(collabDocuments.name, name));
  });
}

/** Add updates to what is stored. Cheap: no document is built, the encoded updates are merged. */
export const appendUpdates = (
  db: Db,
  name: string,
  updates: Uint8Array[],
  check?: (tx: Executor) => Promise<void>,
) => rewriteState(db, name, (stored) => Y.mergeUpdates([stored, ...updates]), check);

/**
 * Store the merged state of a live document, garbage-collected: merged updates keep the text
 * of deletions, a rebuilt document drops it. What is stored already (another process's
 * writes included) is merged in, never overwritten.
 */
export const compactState = (db: Db, name: string, live: Uint8Array) =>
  rewriteState(db, name, (stored) => {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, stored);
      Y.applyUpdate(doc, live);
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  });

/** The first state of a new document, written inside the transaction that creates its owner. */
export const seedState = (tx: Executor, name: string, state: Uint8Array) =>
  tx.insert(collabDocuments).values({ name, state }).onConflictDoNothing();
