// What a backup holds is read from the database's own catalogue when it runs, never from a
// hand-kept list: a table, column or foreign key added by a later migration is backed up,
// in the right order, without anyone remembering to add it here.
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';

interface Column {
  name: string;
  /** As PostgreSQL prints it (`timestamp with time zone`, `text[]`, `bytea`…). */
  type: string;
  nullable: boolean;
  /** Filled by a sequence (serial, bigserial, identity): restore moves the sequence past the rows. */
  sequence: boolean;
}

export interface Table {
  name: string;
  /** Generated columns are left out: the database computes them again. */
  columns: Column[];
  primaryKey: string[];
}

/** Plit keeps everything in `public`; Drizzle's bookkeeping lives in `drizzle`, on purpose not here. */
const SCHEMA = 'public';

/** A column of this name holds a FileStorage key (fact_files, post_assets). */
export const FILE_KEY_COLUMN = 'storage_key';

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every table of Plit's schema, parents before the tables that reference them. */
export async function readTables(db: Executor): Promise<Table[]> {
  const columns = await rowsOf<{
    table: string;
    column: string;
    type: string;
    notNull: boolean;
    sequence: boolean;
  }>(
    db,
    sql`select c.relname as "table", a.attname as "column",
          format_type(a.atttypid, a.atttypmod) as "type", a.attnotnull as "notNull",
          (a.attidentity <> '' or pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) is not null) as "sequence"
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${SCHEMA} and c.relkind in ('r', 'p') and a.attnum > 0
          and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const keys = await rowsOf<{ table: string; column: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column"
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where i.indisprimary and n.nspname = ${SCHEMA}
        order by c.relname, k.position`,
  );
  const references = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select child.relname as "child", parent.relname as "parent"
        from pg_constraint f
        join pg_class child on child.oid = f.conrelid
        join pg_class parent on parent.oid = f.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where f.contype = 'f' and n.nspname = ${SCHEMA}`,
  );
  const tables = new Map<string, Table>();
  for (const c of columns) {
    const table = tables.get(c.table) ?? { name: c.table, columns: [], primaryKey: [] };
    table.columns.push({ name: c.column, type: c.type, nullable: !c.notNull, sequence: c.sequence });
    tables.set(c.table, table);
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.column);
  return inForeignKeyOrder(tables, references);
}

/**
 * Parents first (Kahn's algorithm; ties by name, so the order is the same on every run).
 * A table referencing itself would need its rows in parent-first order too, and a cycle of
 * tables has no order at all: both fail here, loudly, rather than at the next restore.
 */
function inForeignKeyOrder(tables: Map<string, Table>, references: Array<{ child: string; parent: string }>) {
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set()]));
  for (const { child, parent } of references) {
    if (child === parent)
      throw new Error(`table ${child} references itself: backups cannot order its rows yet`);
    parents.get(child)?.add(parent);
  }
  const ordered: Table[] = [];
  while (parents.size > 0) {
    const ready = [...parents].filter(([, of]) => of.size === 0).map(([name]) => name);
    if (ready.length === 0)
      throw new Error(`tables reference each other in a cycle: ${[...parents.keys()].join(', ')}`);
    for (const name of ready.sort()) {
      ordered.push(tables.get(name)!);
      parents.delete(name);
      for (const of of parents.values()) of.delete(name);
    }
  }
  return ordered;
}

/** The migration the database stands at, as Drizzle recorded it; undefined before the first. */
export async function appliedMigration(db: Executor): Promise<{ hash: string; when: number } | undefined> {
  const [exists] = await rowsOf<{ found: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "found"`,
  );
  if (!exists?.found) return undefined;
  const [last] = await rowsOf<{ hash: string; when: string | number }>(
    db,
    sql`select hash, created_at as "when" from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  return last ? { hash: last.hash, when: Number(last.when) } : undefined;
}
