import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendOnlyViolations,
  type JournalEntry,
  migrationsFolder,
  readJournal,
  readLock,
  unlockedMigrations,
} from '../../src/server/db/migrationLock.ts';

describe('committed migrations', () => {
  it('match migrations.lock.json: migrations are append-only', () => {
    expect(appendOnlyViolations(readLock(), migrationsFolder)).toEqual([]);
  });

  it('are all in migrations.lock.json', () => {
    const unlocked = unlockedMigrations(readLock(), migrationsFolder).map((m) => m.tag);
    expect(unlocked, 'run `npm run migrations:lock` and commit migrations.lock.json').toEqual([]);
  });
});

/** The lock check itself, on a copy of the migrations folder that each test changes. */
describe('the append-only check', () => {
  let folder: string;
  const locked = readLock();
  const journalFile = () => path.join(folder, 'meta', '_journal.json');
  const writeJournal = (entries: JournalEntry[]) =>
    writeFileSync(journalFile(), JSON.stringify({ version: '7', dialect: 'postgresql', entries }, null, 2));

  beforeEach(() => {
    folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'plit-migrations-')), 'migrations');
    cpSync(migrationsFolder, folder, { recursive: true });
  });
  afterEach(() => rmSync(path.dirname(folder), { recursive: true, force: true }));

  it('fails when the SQL of a committed migration changes', () => {
    // What 688ce4f did to 0009.
    appendFileSync(
      path.join(folder, '0009_insights.sql'),
      '--> statement-breakpoint\nCREATE INDEX "topic_passes_cycle_idx" ON "topic_passes" USING btree ("cycle_id");',
    );
    expect(appendOnlyViolations(locked, folder)).toEqual([
      'migrations are append-only: add a new migration instead of editing 0009_insights (0009_insights.sql changed)',
    ]);
  });

  it('fails when the journal entry of a committed migration changes', () => {
    // The `when` drizzle-kit gave the edited 0009; databases that ran the first one re-run it.
    const entries = readJournal(folder).map((e) => (e.idx === 9 ? { ...e, when: 1795708437616 } : e));
    writeJournal(entries);
    expect(appendOnlyViolations(locked, folder)).toEqual([
      'migrations are append-only: add a new migration instead of editing 0009_insights (its journal entry changed)',
    ]);
  });

  it('fails when a committed migration leaves the journal', () => {
    const entries = readJournal(folder);
    const last = entries.at(-1)!;
    writeJournal(entries.slice(0, -1));
    expect(appendOnlyViolations(locked, folder)).toEqual([
      `migrations are append-only: add a new migration instead of editing ${last.tag} (it is no longer in the journal)`,
      `${last.tag}.sql has no journal entry, so it is never applied`,
    ]);
  });

  it('lets a new migration be appended, and asks for it to be locked', () => {
    const entries = readJournal(folder);
    const last = entries.at(-1)!;
    const tag = `${String(entries.length).padStart(4, '0')}_appended`;
    writeJournal([...entries, { ...last, idx: entries.length, when: last.when + 1, tag }]);
    writeFileSync(path.join(folder, `${tag}.sql`), 'SELECT 1;');
    expect(appendOnlyViolations(locked, folder)).toEqual([]);
    expect(unlockedMigrations(locked, folder).map((m) => m.tag)).toEqual([tag]);
  });

  it('fails when a new migration is dated before the last one, which Drizzle would skip', () => {
    const entries = readJournal(folder);
    const last = entries.at(-1)!;
    const tag = `${String(entries.length).padStart(4, '0')}_backdated`;
    writeJournal([...entries, { ...last, idx: entries.length, when: last.when - 1, tag }]);
    writeFileSync(path.join(folder, `${tag}.sql`), 'SELECT 1;');
    expect(appendOnlyViolations(locked, folder)).toEqual([
      `journal entry ${tag} has when ${last.when - 1}, not after ${last.tag} (${last.when}): databases that ran ${last.tag} would skip it`,
    ]);
  });

  it('ignores re-indenting the journal', () => {
    const journal = JSON.parse(readFileSync(journalFile(), 'utf8')) as unknown;
    writeFileSync(journalFile(), JSON.stringify(journal));
    expect(appendOnlyViolations(locked, folder)).toEqual([]);
  });
});
