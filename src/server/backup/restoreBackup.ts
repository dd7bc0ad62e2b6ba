import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { migrationsFolder, readJournal } from '../db/migrationLock.ts';
import { databaseReason } from '../db/queryError.ts';
import type { FileStorage } from '../files/storage.ts';
import { BackupError, type CheckedBackup, fileEntry, MANIFEST } from './format.ts';
import { appliedMigration, ident, literal, readTables, rowsOf, type Table } from './tables.ts';
import { readTar } from './tar.ts';

export interface RestoreTarget {
  database: Database;
  files: FileStorage;
  /** How the person knows this database: "the data folder ./data", "PostgreSQL at db:5432/plit". */
  where: string;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
  /** Rows were there before and were deleted (`--force`). */
  replaced: boolean;
}

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

/** Tables that hold at least one row. */
async function tablesWithRows(db: Executor, tables: Table[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const checks = tables.map(
    (t) => `select ${literal(t.name)} as name where exists (select 1 from ${ident(t.name)})`,
  );
  return (await rowsOf<{ name: string }>(db, sql.raw(checks.join(' union all ')))).map((r) => r.name);
}

/**
 * The statement that turns a batch of NDJSON lines back into rows. `jsonb_populate_record`
 * converts each value with the column's own type input, the reverse of `to_jsonb` in
 * writeBackup; bytea (base64) and json columns (where JSON `null` is a value, not SQL NULL)
 * are taken from the object directly.
 */
function insertStatement(table: Table): { head: string; tail: string } {
  const direct = table.columns.filter((c) => c.type === 'bytea' || c.type === 'jsonb' || c.type === 'json');
  const values = table.columns.map((c) => {
    if (c.type === 'bytea') return `decode(e->>${literal(c.name)}, 'base64')`;
    if (c.type === 'jsonb' || c.type === 'json') return `(e->${literal(c.name)})::${c.type}`;
    return `r.${ident(c.name)}`;
  });
  const skip = direct.length > 0 ? ` - array[${direct.map((c) => literal(c.name)).join(', ')}]::text[]` : '';
  return {
    head:
      `insert into ${ident(table.name)} (${table.columns.map((c) => ident(c.name)).join(', ')}) ` +
      `overriding system value select ${values.join(', ')} from jsonb_array_elements(`,
    tail: `::jsonb) as e cross join lateral jsonb_populate_record(null::${ident(table.name)}, e${skip}) as r`,
  };
}

async function* lines(body: AsyncIterable<Buffer>): AsyncGenerator<string> {
  // A chunk may end in the middle of a character: the decoder keeps its first bytes for the next.
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of body) {
    const parts = (carry + decoder.write(chunk)).split('\n');
    carry = parts.pop()!;
    yield* parts;
  }
  carry += decoder.end();
  if (carry) yield carry;
}

async function insertRows(tx: Tx, table: Table, body: AsyncIterable<Buffer>): Promise<number> {
  const { head, tail } = insertStatement(table);
  let batch: string[] = [];
  let bytes = 0;
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    // The lines go to the database as they are, never through JSON.parse: a bigint or a
    // numeric keeps every digit.
    await tx.execute(sql`${sql.raw(head)}${`[${batch.join(',')}]`}${sql.raw(tail)}`).catch((error: Error) => {
      // The database's own words only: the driver's error carries the batch (password hashes
      // among it) as its parameters, which have no place on a terminal or in a log.
      throw new Error(
        `Restoring table ${table.name} failed: ${databaseReason(error)?.message ?? error.message}`,
      );
    });
    rows += batch.length;
    batch = [];
    bytes = 0;
  };
  for await (const line of lines(body)) {
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  return rows;
}

/** Ids handed out after the restore continue after every id the backup held or had used. */
async function resetSequences(tx: Tx, table: Table, used: Record<string, number>): Promise<void> {
  for (const column of table.columns.filter((c) => c.sequence)) {
    const seq = `pg_get_serial_sequence(${literal(ident(table.name))}, ${literal(column.name)})`;
    const floor = Math.max(0, Math.trunc(used[column.name] ?? 0));
    await tx.execute(
      sql.raw(
        `select case when v >= 1 then setval(${seq}, v, true) else setval(${seq}, 1, false) end
         from (select greatest(${floor}, coalesce(max(${ident(column.name)}), 0)) as v from ${ident(table.name)}) as m`,
      ),
    );
  }
}

function sameColumns(table: Table, backed: { columns: Array<{ name: string; type: string }> }): boolean {
  const key = (columns: Array<{ name: string; type: string }>) =>
    columns
      .map((c) => `${c.name}:${c.type}`)
      .sort()
      .join(',');
  return key(table.columns) === key(backed.columns);
}

/**
 * Restore a checked backup: migrations up to the backup's level on the target, then every row
 * and every file in ONE transaction, then the remaining migrations. Refuses, before writing
 * anything, a target that holds rows (unless `force`) or stands at a newer migration than the
 * backup (its rows would not fit).
 */
export async function restoreBackup(
  target: RestoreTarget,
  backup: CheckedBackup,
  options: { force?: boolean } = {},
): Promise<RestoreSummary> {
  const { database } = target;
  const { manifest } = backup;
  const journal = readJournal(migrationsFolder);
  const backupLevel = journal.findIndex((e) => e.tag === backup.migrationTag);
  const applied = await appliedMigration(database.db);
  if (applied) {
    const level = journal.findIndex((e) => e.when === applied.when);
    if (level === -1 || level > backupLevel) {
      throw new BackupError(
        `Cannot restore into ${target.where}: it has been migrated past the backup's migration (${backup.migrationTag}). ` +
          'Restore into an empty data folder or a new database.',
      );
    }
    const filled = await tablesWithRows(database.db, await readTables(database.db));
    if (filled.length > 0 && !options.force) {
      throw new BackupError(
        `Cannot restore into ${target.where}: it already holds data (rows in ${filled.length} tables, e.g. ${filled.slice(0, 3).join(', ')}). ` +
          'Restore into an empty data folder or database, or add --force to delete its rows and replace them with the backup.',
      );
    }
  }
  await migrate(database, { upTo: backup.migrationTag });
  const tables = await readTables(database.db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const backed of manifest.tables) {
    const table = byName.get(backed.name);
    if (!table || !sameColumns(table, backed)) {
      throw new BackupError(
        `Cannot restore into ${target.where}: its table ${backed.name} does not have the backup's columns at migration ${backup.migrationTag}.`,
      );
    }
  }
  const extra = tables.filter((t) => !manifest.tables.some((b) => b.name === t.name));
  if (extra.length > 0) {
    throw new BackupError(`Cannot restore into ${target.where}: the backup has no table ${extra[0]!.name}.`);
  }
  const tableOfEntry = new Map(manifest.tables.map((t) => [t.entry, t]));
  const fileOfEntry = new Map(
    manifest.files.flatMap((f) => ('missing' in f ? [] : [[fileEntry(f.key), f] as const])),
  );

  const summary = await database.db.transaction(async (tx) => {
    const filled = await tablesWithRows(tx, tables);
    // Children before parents, the reverse of the order rows go in.
    for (const table of [...tables].reverse()) {
      if (filled.includes(table.name)) await tx.execute(sql.raw(`delete from ${ident(table.name)}`));
    }
    let rows = 0;
    let files = 0;
    for await (const entry of readTar(createReadStream(backup.file).pipe(createGunzip()))) {
      const backed = tableOfEntry.get(entry.name);
      if (backed) {
        const inserted = await insertRows(tx, byName.get(backed.name)!, entry.body);
        if (inserted !== backed.rows) throw new BackupError(`${entry.name} changed while it was restored.`);
        rows += inserted;
        continue;
      }
      const file = fileOfEntry.get(entry.name);
      if (file) {
        // Inside the transaction, before it commits: if a file cannot be written, no row
        // referring to it is left behind.
        const stored = await target.files.put(file.key, entry.body, { maxBytes: Math.max(1, file.bytes) });
        if (stored.sha256 !== file.sha256)
          throw new BackupError(`${entry.name} changed while it was restored.`);
        files++;
      } else if (entry.name !== MANIFEST) {
        throw new BackupError(`${entry.name} appeared in ${backup.file} while it was restored.`);
      }
    }
    for (const backed of manifest.tables)
      await resetSequences(tx, byName.get(backed.name)!, backed.sequences);
    return { tables: manifest.tables.length, rows, files, replaced: filled.length > 0 };
  });
  await migrate(database);
  return summary;
}
