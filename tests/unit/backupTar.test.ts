import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTar, type TarEntryIn, tarStream } from '../../src/server/backup/tar.ts';

async function pack(entries: TarEntryIn[]): Promise<Buffer> {
  async function* members() {
    yield* entries;
  }
  const parts: Buffer[] = [];
  for await (const chunk of tarStream(members())) parts.push(chunk);
  return Buffer.concat(parts);
}

async function* inChunks(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const long = `files/${'a'.repeat(64)}/${'b'.repeat(64)}/${'c'.repeat(20)}`;

describe('[16.4] the backup archive (tar)', () => {
  it('[16.4] reads back what it wrote, with a name over 100 bytes, an empty entry and an entry left unread', async () => {
    const big = Buffer.alloc(70_000, 7);
    const archive = await pack([
      { name: 'tables/a.ndjson', size: 3, body: Buffer.from('{}\n') },
      { name: 'tables/empty.ndjson', size: 0, body: Buffer.alloc(0) },
      { name: long, size: big.length, body: big },
      { name: 'manifest.json', size: 2, body: Buffer.from('{}') },
    ]);
    const read: Array<{ name: string; bytes: Buffer | null }> = [];
    // Odd chunk sizes: headers and bodies straddle every chunk boundary.
    for await (const entry of readTar(inChunks(archive, 333))) {
      if (entry.name === long) {
        read.push({ name: entry.name, bytes: null });
        continue;
      }
      const parts: Buffer[] = [];
      for await (const chunk of entry.body) parts.push(chunk);
      read.push({ name: entry.name, bytes: Buffer.concat(parts) });
    }
    expect(read).toEqual([
      { name: 'tables/a.ndjson', bytes: Buffer.from('{}\n') },
      { name: 'tables/empty.ndjson', bytes: Buffer.alloc(0) },
      { name: long, bytes: null },
      { name: 'manifest.json', bytes: Buffer.from('{}') },
    ]);
  });

  it('[16.4] system tar lists it, long name included', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'backup-tar-'));
    try {
      const file = path.join(dir, 'a.tar.gz');
      await writeFile(file, gzipSync(await pack([{ name: long, size: 1, body: Buffer.from('x') }])));
      expect(execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim()).toBe(long);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('[16.B] an archive cut short is an error, not a shorter list', async () => {
    const archive = await pack([{ name: 'tables/a.ndjson', size: 600, body: Buffer.alloc(600, 1) }]);
    const read = async (bytes: Buffer) => {
      for await (const entry of readTar(inChunks(bytes, 512))) for await (const _ of entry.body);
    };
    await expect(read(archive.subarray(0, 700))).rejects.toThrow(/ends in the middle of an entry/);
    await expect(read(archive.subarray(0, 1536))).rejects.toThrow(/ends before its end marker/);
  });
});
