import type { Db, Executor } from '../db/connect.ts';
import { storeUpdates } from './store.ts';

export interface UpdateLog {
  /** Resolves once the update is in the database (rejects if it could not be stored). */
  append(documentName: string, update: Uint8Array): Promise<void>;
  /** Resolves when every write started so far has finished. */
  idle(): Promise<void>;
}

interface Waiting {
  updates: Uint8Array[];
  stored: Promise<void>;
  settle: (error: unknown) => void;
}

/**
 * Stores each incoming update before Hocuspocus applies and acknowledges it: a group commit.
 * One write runs at a time, for every document of this process; updates that arrive while it
 * runs are stored together by the next one. Fifty people typing cost one transaction per
 * round trip to the database, not one per keystroke or per document, so a flood of edits is
 * paced by the database instead of queueing transactions in front of everyone else's requests
 * (issue 14; `npm run bench:socket-flood -- --collab-frames=update`).
 */
export function createUpdateLog(
  db: Db,
  /** Run in the write's transaction before a document's updates are stored: throwing refuses them. */
  check?: (tx: Executor, documentName: string) => Promise<void>,
): UpdateLog {
  // The batch still taking updates; it closes when its write starts.
  let collecting: Map<string, Waiting> | null = null;
  // The last write, settled either way: the next one starts after it.
  let last: Promise<void> = Promise.resolve();

  const write = async (batch: Map<string, Waiting>) => {
    if (collecting === batch) collecting = null;
    try {
      const refused = await storeUpdates(
        db,
        [...batch].map(([name, { updates }]) => ({ name, updates })),
        check,
      );
      for (const [name, waiting] of batch) waiting.settle(refused.get(name));
    } catch (err) {
      for (const waiting of batch.values()) waiting.settle(err ?? new Error('not stored'));
    }
  };

  return {
    append(documentName, update) {
      if (!collecting) {
        const batch = new Map<string, Waiting>();
        collecting = batch;
        last = last.then(() => write(batch));
      }
      let waiting = collecting.get(documentName);
      if (!waiting) {
        let settle: (error: unknown) => void = () => {};
        const stored = new Promise<void>((resolve, reject) => {
          settle = (error) => (error === undefined ? resolve() : reject(error));
        });
        waiting = { updates: [], stored, settle };
        collecting.set(documentName, waiting);
      }
      waiting.updates.push(update);
      return waiting.stored;
    },
    idle: () => last,
  };
}
