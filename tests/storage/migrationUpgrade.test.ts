import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { migrationsFolder, readJournal } from '../../src/server/db/migrationLock.ts';
import { engines } from '../support/engines.ts';
import { migrateWith } from '../support/migrations.ts';

/**
 * Databases created by earlier releases must reach the current schema through `migrate`,
 * keeping their rows. The two releases here are the two 0009s: c954267 committed it, and
 * c553c9c shipped it edited (an extra index, and a later journal `when`). Drizzle applies every
 * journal entry dated after the last one a database recorded, so the edited 0009 ran again,
 * and failed, on databases that had the first one. The expected schema is always that of a
 * database migrated fresh, so migrations appended later need no change here.
 *
 * Only the journal and 0009's SQL differ between those releases; 0000-0008 are unchanged since
 * (migrations.lock.json makes sure), so a release's folder is rebuilt from its fixture
 * (tests/storage/fixtures/<commit>/migrations: its journal and its 0009) plus the current files.
 */
const releases = [
  { commit: 'c954267', what: 'the first 0009', when0009: 1795706399190, hasIndex: false },
  { commit: 'c553c9c', what: 'the edited 0009', when0009: 1795708437616, hasIndex: true },
] as const;

const fixtures = path.join(import.meta.dirname, 'fixtures');

function releaseFolder(commit: string, into: string): string {
  const fixture = path.join(fixtures, commit, 'migrations');
  const folder = path.join(into, commit, 'migrations');
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  cpSync(path.join(fixture, 'meta', '_journal.json'), path.join(folder, 'meta', '_journal.json'));
  for (const { tag } of readJournal(fixture)) {
    const own = path.join(fixture, `${tag}.sql`);
    cpSync(
      existsSync(own) ? own : path.join(migrationsFolder, `${tag}.sql`),
      path.join(folder, `${tag}.sql`),
    );
  }
  return folder;
}

/** Migrate with a past release's folder, the way that release's server did at start-up. */
async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Tables, columns, indexes and constraints of the public schema, in a stable order. */
async function schemaOf(database: Database) {
  return {
    tables: await rows(
      database,
      sql`select table_name, table_type from information_schema.tables
          where table_schema = 'public' order by table_name`,
    ),
    columns: await rows(
      database,
      sql`select table_name, column_name, data_type, udt_name, is_nullable, column_default
          from information_schema.columns where table_schema = 'public'
          order by table_name, column_name`,
    ),
    indexes: await rows(
      database,
      sql`select tablename, indexname, indexdef from pg_indexes
          where schemaname = 'public' order by tablename, indexname`,
    ),
    constraints: await rows(
      database,
      sql`select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(c.oid) as definition
          from pg_constraint c join pg_namespace n on n.oid = c.connamespace
          where n.nspname = 'public' order by 1, 2`,
    ),
  };
}

async function hasTopicPassesIndex(database: Database): Promise<boolean> {
  const found = await rows(
    database,
    sql`select 1 from pg_indexes where schemaname = 'public' and indexname = 'topic_passes_cycle_idx'`,
  );
  return found.length === 1;
}

const ids = {
  agency: '5d1c0f3e-9a51-4e0b-8b7a-0c2f6a1d9e01',
  user: '5d1c0f3e-9a51-4e0b-8b7a-0c2f6a1d9e02',
  client: '5d1c0f3e-9a51-4e0b-8b7a-0c2f6a1d9e03',
  cycle: '5d1c0f3e-9a51-4e0b-8b7a-0c2f6a1d9e04',
  topic: '5d1c0f3e-9a51-4e0b-8b7a-0c2f6a1d9e05',
};

/**
 * Rows a release's users had written, in plain SQL against that release's tables (the current
 * schema objects may have columns the old tables lack).
 */
async function writeReleaseRows(database: Database): Promise<void> {
  const statements = [
    sql`insert into agencies (id, name) values (${ids.agency}, 'Агенція «Світанок»')`,
    sql`insert into users (id, email, name) values (${ids.user}, 'cm@upgrade.test', 'Олена')`,
    sql`insert into clients (id, agency_id, name, co_creation_since)
        values (${ids.client}, ${ids.agency}, 'Львівська книжкова кава', '2026-01')`,
    sql`insert into cycles (id, client_id, month, stage) values (${ids.cycle}, ${ids.client}, '2026-11', 'meeting')`,
    sql`insert into topics (id, client_id, cycle_id, title, source)
        values (${ids.topic}, ${ids.client}, ${ids.cycle}, 'Осінні новинки', 'agency')`,
    sql`insert into topic_passes (topic_id, cycle_id) values (${ids.topic}, ${ids.cycle})`,
    sql`insert into insight_history (client_id, month, posts_planned, posts_published, posts_approved,
          approved_first_round, revision_rounds, imported_by_id)
        values (${ids.client}, '2026-10', 12, 11, 10, 8, 3, ${ids.user})`,
    sql`insert into events (agency_id, client_id, actor_id, type, subject_type, subject_id, data)
        values (${ids.agency}, ${ids.client}, ${ids.user}, 'topic.created', 'topic', ${ids.topic},
                ${JSON.stringify({ title: 'Осінні новинки' })}::jsonb)`,
  ];
  for (const statement of statements) await database.db.execute(statement);
}

async function readReleaseRows(database: Database) {
  return {
    client: await rows(
      database,
      sql`select c.name, c.co_creation_since, a.name as agency from clients c
          join agencies a on a.id = c.agency_id where c.id = ${ids.client}`,
    ),
    topics: await rows(
      database,
      sql`select t.title, p.cycle_id from topics t join topic_passes p on p.topic_id = t.id
          where t.client_id = ${ids.client}`,
    ),
    history: await rows(
      database,
      sql`select month, posts_planned, imported_by_id from insight_history where client_id = ${ids.client}`,
    ),
    events: await rows(
      database,
      sql`select type, subject_id, data from events where client_id = ${ids.client}`,
    ),
  };
}

describe.each(engines())('upgrading an existing database on $name', (engine) => {
  let fresh: Awaited<ReturnType<typeof schemaOf>>;
  let temp: string;

  beforeAll(async () => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'plit-upgrade-'));
    const { database, dispose } = await engine.open();
    try {
      await migrate(database);
      fresh = await schemaOf(database);
    } finally {
      await dispose();
    }
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it.each(releases)(
    'a database built at $commit ($what) migrates to the schema of a fresh one and keeps its rows',
    async (release) => {
      const { database, dispose } = await engine.open();
      try {
        await migrateWith(database, releaseFolder(release.commit, temp));
        // The database really is that release's: 0009 recorded with its `when`, index as it shipped.
        const recorded = await rows<{ created_at: string }>(
          database,
          sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
        );
        expect(Number(recorded[0]?.created_at)).toBe(release.when0009);
        expect(await hasTopicPassesIndex(database)).toBe(release.hasIndex);
        await writeReleaseRows(database);
        const before = await readReleaseRows(database);

        await migrate(database);

        expect(await schemaOf(database)).toEqual(fresh);
        expect(await hasTopicPassesIndex(database)).toBe(true);
        expect(await readReleaseRows(database)).toEqual(before);
        expect(before.topics).toEqual([{ title: 'Осінні новинки', cycle_id: ids.cycle }]);
        // Accounts from before 0013 count as verified since their creation (issue 14, V2).
        const verified = await rows(
          database,
          sql`select email_verified_at = created_at as since_created from users where id = ${ids.user}`,
        );
        expect(verified).toEqual([{ since_created: true }]);
        // Recorded up to the newest migration, so the next one appended is applied too.
        const last = await rows<{ created_at: string }>(
          database,
          sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`,
        );
        expect(Number(last[0]?.created_at)).toBe(readJournal(migrationsFolder).at(-1)!.when);
      } finally {
        await dispose();
      }
    },
  );
});
