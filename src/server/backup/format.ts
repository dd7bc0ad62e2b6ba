// The backup file: a gzip'd tar (tar.ts) of
//   tables/<table>.ndjson   one JSON object per row, tables in foreign-key order
//   files/<key>             every stored file the rows refer to
//   manifest.json           what the archive holds, with sizes and sha256; written last,
//                           because only then are the counts and hashes known (a tar
//                           entry's size comes before its bytes).
// The manifest's `formatVersion` changes whenever an older Plit could misread the archive.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { fingerprint, migrationsFolder, readJournal } from '../db/migrationLock.ts';
import { isValidFileKey } from '../files/storage.ts';
import { readTar, TarFormatError } from './tar.ts';

export const FORMAT = 'plit-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const tableEntry = (table: string) => `tables/${table}.ndjson`;
export const fileEntry = (key: string) => `files/${key}`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  plitVersion: z.string(),
  createdAt: z.iso.datetime(),
  engine: z.enum(['pglite', 'postgres']),
  /** The last migration applied: rows fit the schema as it stood then. */
  migration: z.object({ tag: z.string(), when: z.number().int(), hash: sha256 }),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      entry: z.string(),
      rows: count,
      bytes: count,
      sha256,
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
      /** Last value of each column's sequence when the backup was taken (ids never go back). */
      sequences: z.record(z.string(), z.number().int()),
    }),
  ),
  files: z.array(
    z.union([
      z.object({ key: z.string(), entry: z.string(), bytes: count, sha256 }),
      // Referenced by a row but not in storage when the backup was taken.
      z.object({ key: z.string(), missing: z.literal(true), reason: z.string() }),
    ]),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestTable = Manifest['tables'][number];
export type ManifestFile = Manifest['files'][number];

/** A refusal with a message for the person at the terminal; nothing was changed. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** A backup read from end to end and found whole: only this may be restored. */
export interface CheckedBackup {
  file: string;
  manifest: Manifest;
  /** The migration's tag in this Plit's journal. */
  migrationTag: string;
}

interface Seen {
  bytes: number;
  sha256: string;
  lines: number;
}

/** The manifest is small; anything far larger under that name is not ours. */
const MANIFEST_LIMIT = 64 * 1024 * 1024;

/**
 * Read the whole archive once, before anything is written anywhere: every entry's size and
 * sha256 against the manifest, the format and its version, and whether this Plit knows the
 * migration the rows were taken at. Throws a `BackupError` saying what is wrong.
 */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  const refuse = (why: string) => new BackupError(`Cannot restore ${file}: ${why}`);
  const notOurs = (why: string) => refuse(`it is not a Plit backup (${why}).`);
  const head = Buffer.alloc(2);
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw refuse(error.code === 'ENOENT' ? 'there is no such file.' : error.message);
  });
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) throw notOurs('not a gzip archive');

  const seen = new Map<string, Seen>();
  let manifestText: string | undefined;
  try {
    for await (const entry of readTar(createReadStream(file).pipe(createGunzip()))) {
      if (seen.has(entry.name)) throw refuse(`it holds ${entry.name} twice.`);
      const hash = createHash('sha256');
      const parts: Buffer[] = [];
      let bytes = 0;
      let lines = 0;
      for await (const chunk of entry.body) {
        hash.update(chunk);
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 0x0a) lines++;
        if (entry.name === MANIFEST && bytes <= MANIFEST_LIMIT) parts.push(chunk);
      }
      seen.set(entry.name, { bytes, sha256: hash.digest('hex'), lines });
      if (entry.name === MANIFEST) {
        if (bytes > MANIFEST_LIMIT) throw notOurs(`${MANIFEST} is ${bytes} bytes`);
        manifestText = Buffer.concat(parts).toString('utf8');
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // zlib: a cut-off file ends without gzip's trailer; a damaged one fails its CRC or header.
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof TarFormatError || code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
      throw refuse(`it is truncated or damaged (${(error as Error).message}).`);
    }
    throw error;
  }
  if (manifestText === undefined) throw notOurs(`it has no ${MANIFEST}`);
  const manifest = parseManifest(manifestText, refuse, notOurs);
  const migrationTag = knownMigration(manifest, refuse);
  compareEntries(manifest, seen, refuse);
  return { file, manifest, migrationTag };
}

function parseManifest(
  text: string,
  refuse: (why: string) => BackupError,
  notOurs: (why: string) => BackupError,
): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw notOurs(`${MANIFEST} is not JSON`);
  }
  const head = raw as { format?: unknown; formatVersion?: unknown };
  if (head?.format !== FORMAT) throw notOurs(`${MANIFEST} does not say "format": "${FORMAT}"`);
  if (head.formatVersion !== FORMAT_VERSION) {
    throw refuse(
      `it is in backup format version ${String(head.formatVersion)}; this Plit reads version ${FORMAT_VERSION}.` +
        (Number(head.formatVersion) > FORMAT_VERSION ? ' Restore it with the newer Plit that wrote it.' : ''),
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(`its ${MANIFEST} is damaged (${issue.path.join('.')}: ${issue.message}).`);
  }
  return parsed.data;
}

/** Rows can only go into the schema they were taken from, which this Plit must know. */
function knownMigration(manifest: Manifest, refuse: (why: string) => BackupError): string {
  const journal = readJournal(migrationsFolder);
  const { tag, when, hash } = manifest.migration;
  const index = journal.findIndex((entry) => entry.when === when);
  const latest = journal.at(-1)!;
  if (index === -1) {
    throw refuse(
      when > latest.when
        ? `it was taken by a newer Plit (migration ${tag}); this one knows migrations up to ${latest.tag}. Upgrade Plit, then restore.`
        : `it was taken at migration ${tag}, which this Plit does not have.`,
    );
  }
  if (journal[index]!.tag !== tag || fingerprint(migrationsFolder)[index]!.sql !== hash) {
    throw refuse(`its migration ${tag} differs from this Plit's ${journal[index]!.tag}.`);
  }
  return journal[index]!.tag;
}

function compareEntries(manifest: Manifest, seen: Map<string, Seen>, refuse: (why: string) => BackupError) {
  const damaged = (why: string) => refuse(`it is damaged: ${why}.`);
  const expected = new Set([MANIFEST]);
  const check = (entry: string, bytes: number, hash: string) => {
    expected.add(entry);
    const found = seen.get(entry);
    if (!found) throw damaged(`${entry} is missing`);
    if (found.bytes !== bytes || found.sha256 !== hash) throw damaged(`${entry} does not match its sha256`);
    return found;
  };
  for (const table of manifest.tables) {
    if (table.entry !== tableEntry(table.name))
      throw damaged(`table ${table.name} is filed as ${table.entry}`);
    const found = check(table.entry, table.bytes, table.sha256);
    if (found.lines !== table.rows)
      throw damaged(`${table.entry} holds ${found.lines} rows, not ${table.rows}`);
  }
  for (const file of manifest.files) {
    if (!isValidFileKey(file.key)) throw damaged(`"${file.key}" is not a file key`);
    if ('missing' in file) continue;
    if (file.entry !== fileEntry(file.key)) throw damaged(`file ${file.key} is filed as ${file.entry}`);
    check(file.entry, file.bytes, file.sha256);
  }
  const extra = [...seen.keys()].filter((name) => !expected.has(name));
  if (extra.length > 0) throw damaged(`it holds ${extra[0]}, which its manifest does not list`);
}
