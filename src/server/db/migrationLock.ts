// Migrations are append-only. Drizzle's migrator applies every journal entry whose `when` is
// later than the last one a database recorded, so editing an applied migration is never seen
// by the databases that ran it, and changing its `when` makes them run it a second time.
// migrations.lock.json holds a fingerprint of each migration as it was committed; a test
// compares the folder with it, and `npm run migrations:lock` appends new migrations to it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
export const lockFile = fileURLToPath(new URL('./migrations.lock.json', import.meta.url));

/** One entry of `meta/_journal.json`, as drizzle-kit writes it. */
export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

/** A migration as committed: sha256 of its SQL file and of its journal entry. */
export interface LockedMigration {
  tag: string;
  sql: string;
  journal: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function readJournal(folder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/**
 * Keys sorted, so re-indenting the journal changes nothing but any changed value
 * (a `when`, a tag, a breakpoint flag) changes the hash.
 */
function journalHash(entry: JournalEntry): string {
  const sorted = Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b)));
  return sha256(JSON.stringify(sorted));
}

/**
 * The folder's migrations in journal order. The SQL hash is of the file's bytes, the same
 * hash Drizzle stores in `drizzle.__drizzle_migrations`.
 */
export function fingerprint(folder: string): LockedMigration[] {
  return readJournal(folder).map((entry) => {
    const file = path.join(folder, `${entry.tag}.sql`);
    return {
      tag: entry.tag,
      sql: existsSync(file) ? sha256(readFileSync(file)) : 'missing',
      journal: journalHash(entry),
    };
  });
}

export function readLock(file = lockFile): LockedMigration[] {
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { migrations: LockedMigration[] }).migrations;
}

export function writeLock(migrations: LockedMigration[], file = lockFile): void {
  const body = {
    $comment:
      'Fingerprints of committed migrations (sha256 of the SQL file and of the journal entry). Append with `npm run migrations:lock`; never edit an entry: add a new migration instead.',
    migrations,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}

const appendOnly = (tag: string, what: string) =>
  `migrations are append-only: add a new migration instead of editing ${tag} (${what})`;

/**
 * Every way the folder breaks the append-only rule against the lock, in words; empty when
 * it keeps it. Migrations after the locked ones are not a breach (see `unlockedMigrations`).
 */
export function appendOnlyViolations(locked: LockedMigration[], folder: string): string[] {
  const problems: string[] = [];
  const current = fingerprint(folder);
  locked.forEach((lock, i) => {
    const now = current[i];
    if (!now) {
      problems.push(appendOnly(lock.tag, 'it is no longer in the journal'));
    } else if (now.tag !== lock.tag) {
      problems.push(appendOnly(lock.tag, `the journal has ${now.tag} in its place`));
    } else {
      if (now.sql !== lock.sql) problems.push(appendOnly(lock.tag, `${lock.tag}.sql changed`));
      if (now.journal !== lock.journal) problems.push(appendOnly(lock.tag, 'its journal entry changed'));
    }
  });
  return [...problems, ...journalOrderProblems(folder)];
}

/**
 * Drizzle skips an entry whose `when` is not later than the last applied one, and never reads
 * a SQL file that has no journal entry; both would be lost silently on existing databases.
 */
function journalOrderProblems(folder: string): string[] {
  const problems: string[] = [];
  const entries = readJournal(folder);
  entries.forEach((entry, i) => {
    if (entry.idx !== i) problems.push(`journal entry ${entry.tag} has idx ${entry.idx}, expected ${i}`);
    if (!existsSync(path.join(folder, `${entry.tag}.sql`))) problems.push(`${entry.tag}.sql is missing`);
    const before = entries[i - 1];
    if (before && entry.when <= before.when) {
      problems.push(
        `journal entry ${entry.tag} has when ${entry.when}, not after ${before.tag} (${before.when}): databases that ran ${before.tag} would skip it`,
      );
    }
  });
  const tags = new Set(entries.map((e) => e.tag));
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.sql'))) {
    if (!tags.has(file.slice(0, -'.sql'.length))) {
      problems.push(`${file} has no journal entry, so it is never applied`);
    }
  }
  return problems;
}

/** Migrations in the journal after the last locked one: committed with the lock appended. */
export function unlockedMigrations(locked: LockedMigration[], folder: string): LockedMigration[] {
  return fingerprint(folder).slice(locked.length);
}
