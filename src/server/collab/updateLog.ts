import type { Db, Executor } from '../db/connect.ts';
import { appendUpdates } from './store.ts';

export interface UpdateLog {
  /** Resolves once the update is in the database (rejects if it could not be stored). */
  append(documentName: string, update: Uint8Array): Promise<void>;
  /** Resolves when every write started so far has finished. */
  idle(): Promise<void>;
}

/**
 * Stores each incoming update before Hocuspocus applies and acknowledges it. Writes of one
 * document take turns; updates that arrive while a write is running are stored together by
 * the next one, so a fast typist costs one transaction per round trip to the database, not
 * one per keystroke.
 */
export function createUpdateLog(
  db: Db,
  /** Run in each write's transaction before it stores: throwing refuses the batch. */
  check?: (tx: Executor, documentName: string) => Promise<void>,
): UpdateLog {
  // The batch still taking updates, per document; it closes when its write starts.
  const collecting = new Map<string, { updates: Uint8Array[]; stored: Promise<void> }>();
  // The last write of each document, settled either way: the next one starts after it.
  const last = new Map<string, Promise<void>>();

  return {
    append(documentName, update) {
      const open = collecting.get(documentName);
      if (open) {
        open.updates.push(update);
        return open.stored;
      }
      const updates = [update];
      const stored = (last.get(documentName) ?? Promise.resolve()).then(() => {
        collecting.delete(documentName);
        return appendUpdates(db, documentName, updates, check && ((tx) => check(tx, documentName)));
      });
      collecting.set(documentName, { updates, stored });
      const settled = stored.then(
        () => {},
        () => {},
      );
      last.set(documentName, settled);
      void settled.then(() => {
        if (last.get(documentName) === settled) last.delete(documentName);
      });
      return stored;
    },
    async idle() {
      await Promise.all(last.values());
    },
  };
}
