import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { connect } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { migrationsFolder, readJournal } from '../../src/server/db/migrationLock.ts';

/**
 * Migration 0015 moves the fact-request links already sitting in inboxes into `access_links`
 * as facts links (scoped now, not sign-ins), drops those already expired, and retires the old
 * table. Built on PGlite at 0012, with rows as that release wrote them, then migrated.
 */
const temp = mkdtempSync(path.join(os.tmpdir(), 'plit-links-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The current migrations folder, cut after `lastTag`. */
function folderUpTo(lastTag: string): string {
  const folder = path.join(temp, 'migrations');
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = readJournal(migrationsFolder);
  const kept = journal.slice(0, journal.findIndex((e) => e.tag === lastTag) + 1);
  for (const { tag } of kept)
    cpSync(path.join(migrationsFolder, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  const parsed = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...parsed, entries: parsed.entries.slice(0, kept.length) }),
  );
  return folder;
}

const ids = {
  agency: '6e2d1f4a-0b62-4f1c-9c8b-1d3a7b2eaf01',
  user: '6e2d1f4a-0b62-4f1c-9c8b-1d3a7b2eaf02',
  client: '6e2d1f4a-0b62-4f1c-9c8b-1d3a7b2eaf03',
  cycle: '6e2d1f4a-0b62-4f1c-9c8b-1d3a7b2eaf04',
  request: '6e2d1f4a-0b62-4f1c-9c8b-1d3a7b2eaf05',
};

describe('migration 0015: fact-request links become scoped links', () => {
  it('[14.1] a link still valid in an inbox becomes a facts link of its request; an expired one is dropped, and so is the old table', async () => {
    const database = await connect({});
    try {
      await migratePglite(database.db as unknown as PgliteDatabase, {
        migrationsFolder: folderUpTo('0012_calendar_feed_creator'),
      });
      const run = (q: SQL) => database.db.execute(q);
      await run(sql`insert into agencies (id, name) values (${ids.agency}, 'Агенція')`);
      await run(
        sql`insert into users (id, email, name) values (${ids.user}, 'client@upgrade.test', 'Ірина')`,
      );
      await run(
        sql`insert into clients (id, agency_id, name) values (${ids.client}, ${ids.agency}, 'Кав’ярня')`,
      );
      await run(
        sql`insert into client_members (client_id, user_id, role) values (${ids.client}, ${ids.user}, 'approver')`,
      );
      await run(
        sql`insert into cycles (id, client_id, month, stage) values (${ids.cycle}, ${ids.client}, '2026-12', 'facts')`,
      );
      await run(sql`insert into fact_requests (id, cycle_id, client_id, status, sent_at)
        values (${ids.request}, ${ids.cycle}, ${ids.client}, 'sent', now())`);
      await run(sql`insert into fact_request_links (token_hash, request_id, user_id, expires_at, last_used_at)
        values (${hashToken('still-in-the-inbox')}, ${ids.request}, ${ids.user}, now() + interval '40 days', now()),
               (${hashToken('long-expired')}, ${ids.request}, ${ids.user}, now() - interval '1 day', null)`);

      await migrate(database);

      const links = (
        (await run(
          sql`select token_hash, user_id, client_id, kind, subject_id from access_links`,
        )) as unknown as {
          rows: Record<string, string>[];
        }
      ).rows;
      expect(links).toEqual([
        {
          token_hash: hashToken('still-in-the-inbox'),
          user_id: ids.user,
          client_id: ids.client,
          kind: 'facts',
          subject_id: ids.request,
        },
      ]);
      const old = (
        (await run(sql`select to_regclass('public.fact_request_links') as t`)) as unknown as {
          rows: { t: string | null }[];
        }
      ).rows;
      expect(old[0]!.t).toBeNull();
    } finally {
      await database.close();
    }
  });
});
