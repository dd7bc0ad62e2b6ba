// The PGlite data folder belongs to one process at a time. Two PGlite instances on one folder
// each keep their own buffers and WAL position, so writes acknowledged by one are lost when the
// other flushes (issue 16: 30 of 60 acknowledged writes gone).
//
// The lock is an fcntl lock that SQLite (built into Node) takes on `plit.lock`: the kernel
// releases it when the process ends, however it ends, so a `kill -9` leaves nothing stale to
// take over, a reused pid cannot pass for the holder, and two processes starting at once cannot
// both win. `plit.lock.json` beside it only says who holds it, for the message.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { getSystemErrorMessage } from 'node:util';

const LOCK_FILE = 'plit.lock';
const HOLDER_FILE = 'plit.lock.json';

export interface FolderHolder {
  pid: number;
  host: string;
  since: string;
}

export interface FolderLock {
  release(): void;
}

/** Start-up cannot use the data folder: the message names it and the system's reason. */
export class DataFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderError';
  }
}

/** "read-only file system", "no space left on device": the system's own words for a failed call. */
export function systemReason(error: unknown): string {
  const { errno, code } = error as NodeJS.ErrnoException;
  if (typeof errno === 'number' && errno < 0) {
    try {
      return `${getSystemErrorMessage(errno)} (${code})`;
    } catch {
      // An errno Node does not know: the code alone still says it.
    }
  }
  return code ?? (error instanceof Error ? error.message : String(error));
}

const cannotUse = (dir: string, error: unknown) =>
  new DataFolderError(`Cannot use the data folder ${dir} (PLIT_DATA_DIR): ${systemReason(error)}.`);

function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // Node's recursive mkdir answers ENOENT whatever stopped it (a read-only disk among them);
    // the first missing folder made on its own gives the real reason.
    let first = path.resolve(dir);
    while (!existsSync(path.dirname(first))) first = path.dirname(first);
    mkdirSync(first);
    throw error;
  }
}

/**
 * Creates the folder when missing and proves it can be written, so a read-only or full disk
 * is named at start-up instead of surfacing as PGlite's `errno: 69` or `ENOENT … mkdir`.
 */
export function prepareDataFolder(dir: string): void {
  try {
    makeFolder(dir);
    const probe = path.join(dir, `.plit-write-probe-${process.pid}`);
    // A few bytes flushed to disk: a full disk refuses them (an empty file could still be made).
    writeFileSync(probe, 'plit', { flush: true });
    rmSync(probe, { force: true });
  } catch (error) {
    throw cannotUse(dir, error);
  }
}

function openLock(dir: string): DatabaseSync {
  // timeout: a starter that meets a `lockHolder` probe's brief read lock waits it out; one that
  // meets a running server gives up after it.
  return new DatabaseSync(path.join(dir, LOCK_FILE), { timeout: 300 });
}

const isBusy = (error: unknown) => /database is locked|busy/i.test((error as Error).message);

function readHolder(dir: string): FolderHolder | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, HOLDER_FILE), 'utf8')) as FolderHolder;
  } catch {
    return null;
  }
}

/**
 * Takes the folder for this process, or throws naming the process that has it. Released by
 * `release()` (a clean close) or by the kernel when the process dies.
 */
export function lockDataFolder(dir: string): FolderLock {
  prepareDataFolder(dir);
  let lock: DatabaseSync;
  try {
    lock = openLock(dir);
  } catch (error) {
    throw cannotUse(dir, error);
  }
  try {
    // Held, uncommitted, for as long as this process has the folder.
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (!isBusy(error)) throw cannotUse(dir, error);
    const holder = readHolder(dir);
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (since ${holder.since})`
      : 'another process';
    throw new DataFolderError(
      `The data folder ${dir} is in use by ${who}. Only one Plit process may open it: stop that one first, or give this one another PLIT_DATA_DIR.`,
    );
  }
  const holder: FolderHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    // Whole or not at all: a reader never sees half a record.
    const temp = path.join(dir, `${HOLDER_FILE}.${process.pid}`);
    writeFileSync(temp, `${JSON.stringify(holder)}\n`, { flush: true });
    renameSync(temp, path.join(dir, HOLDER_FILE));
  } catch (error) {
    lock.close();
    throw cannotUse(dir, error);
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      rmSync(path.join(dir, HOLDER_FILE), { force: true });
      lock.close();
    },
  };
}

/**
 * Who holds the folder, without taking it: null when no process does (then a command may open
 * the folder itself; otherwise it must ask the holder, e.g. `plit backup` asks the server).
 */
export function lockHolder(dir: string): FolderHolder | null {
  let probe: DatabaseSync;
  try {
    probe = new DatabaseSync(path.join(dir, LOCK_FILE), { timeout: 0, readOnly: true });
  } catch {
    return null; // No lock file: nobody ever locked this folder.
  }
  try {
    // A read needs a shared lock, which the holder's exclusive one refuses.
    probe.prepare('select count(*) from sqlite_master').get();
    return null;
  } catch (error) {
    if (!isBusy(error)) throw error;
    return readHolder(dir) ?? { pid: 0, host: 'unknown', since: 'unknown' };
  } finally {
    probe.close();
  }
}

/**
 * Whether the folder takes a small write right now (readiness, while running): throws the
 * system's error when it is read-only or full.
 */
export async function probeFolder(dir: string): Promise<void> {
  const probe = path.join(dir, `.plit-write-probe-${process.pid}`);
  await writeFile(probe, 'plit', { flush: true });
  await rm(probe, { force: true });
}
