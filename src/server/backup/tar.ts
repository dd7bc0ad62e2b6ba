// A backup is a gzip'd POSIX tar: any system's `tar -tzf` lists it, and it streams both
// ways, so neither writing nor restoring holds a file (or the whole archive) in memory.
// Only what backups need is written and read: regular files, with a PAX header for a
// name longer than ustar's 100 bytes. jszip (already a dependency) was not used: it reads
// an archive only whole, in memory, and a backup holds every uploaded file.

/** One member of the archive: its name, its exact size, and its bytes. */
export interface TarEntryIn {
  name: string;
  size: number;
  body: AsyncIterable<Uint8Array> | Uint8Array;
}

export interface TarEntryOut {
  name: string;
  size: number;
  /** The entry's bytes; whatever the caller leaves unread is skipped before the next entry. */
  body: AsyncIterable<Buffer>;
}

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

const BLOCK = 512;
// ustar's size field holds 11 octal digits: 8 GiB less a byte.
const MAX_SIZE = 0o77777777777;

function field(block: Buffer, offset: number, length: number, value: string): void {
  block.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

const octal = (value: number, digits: number) => `${value.toString(8).padStart(digits, '0')}\0`;

function header(name: string, size: number, type: '0' | 'x', mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  field(block, 0, 100, name);
  field(block, 100, 8, octal(0o600, 7));
  field(block, 108, 8, octal(0, 7));
  field(block, 116, 8, octal(0, 7));
  field(block, 124, 12, octal(size, 11));
  field(block, 136, 12, octal(mtime, 11));
  field(block, 148, 8, '        ');
  field(block, 156, 1, type);
  field(block, 257, 8, 'ustar\u000000');
  let sum = 0;
  for (const byte of block) sum += byte;
  field(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** A PAX record is `<length> <key>=<value>\n`, its length counting its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const rest = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(rest);
  while (String(length).length + Buffer.byteLength(rest) !== length) {
    length = String(length).length + Buffer.byteLength(rest);
  }
  return Buffer.from(`${length}${rest}`);
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The archive's bytes (not yet gzip'd) for these entries, in this order. */
export async function* tarStream(entries: AsyncIterable<TarEntryIn>): AsyncGenerator<Buffer> {
  const mtime = Math.floor(Date.now() / 1000);
  for await (const entry of entries) {
    if (entry.size > MAX_SIZE) throw new TarFormatError(`${entry.name} is larger than 8 GiB`);
    if (Buffer.byteLength(entry.name) > 100) {
      const pax = paxRecord('path', entry.name);
      yield header('PaxHeader', pax.length, 'x', mtime);
      yield Buffer.concat([pax, padding(pax.length)]);
    }
    yield header(entry.name.slice(0, 100), entry.size, '0', mtime);
    let written = 0;
    const chunks = entry.body instanceof Uint8Array ? [entry.body] : entry.body;
    for await (const chunk of chunks) {
      written += chunk.length;
      if (written > entry.size) break;
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    // The size was promised in the header; anything else would misalign every later entry.
    if (written !== entry.size) {
      throw new TarFormatError(
        `${entry.name} changed while it was archived (${written} ≠ ${entry.size} bytes)`,
      );
    }
    yield padding(entry.size);
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private readonly source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    const next = await this.source.next();
    if (next.done) return false;
    this.buffered.push(next.value);
    this.length += next.value.length;
    return true;
  }

  /** Exactly `n` bytes; null at a clean end of stream, an error at an end in the middle. */
  async exact(n: number): Promise<Buffer | null> {
    while (this.length < n) {
      if (!(await this.fill())) {
        if (this.length === 0) return null;
        throw new TarFormatError('the archive ends in the middle of an entry');
      }
    }
    return this.take(n);
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    this.buffered = all.length > n ? [all.subarray(n)] : [];
    this.length = all.length - n;
    return all.subarray(0, n);
  }

  /** Up to `max` bytes, as soon as any have arrived. */
  async piece(max: number): Promise<Buffer> {
    if (this.length === 0 && !(await this.fill())) {
      throw new TarFormatError('the archive ends in the middle of an entry');
    }
    return this.take(Math.min(max, this.length));
  }
}

function parseOctal(block: Buffer, offset: number, length: number): number {
  const text = block
    .toString('latin1', offset, offset + length)
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError('an entry header is damaged');
  return Number.parseInt(text, 8);
}

function parseString(block: Buffer, offset: number, length: number): string {
  const end = block.indexOf(0, offset);
  return block.toString('utf8', offset, end === -1 || end > offset + length ? offset + length : end);
}

function checkSum(block: Buffer): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  if (parseOctal(block, 148, 8) !== sum) throw new TarFormatError('an entry header is damaged');
}

function paxPath(records: Buffer): string | undefined {
  for (const line of records.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** The regular files of a tar stream, in order. Fails on anything it cannot read with certainty. */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntryOut> {
  const reader = new ByteReader(source);
  let longName: string | undefined;
  for (;;) {
    const block = await reader.exact(BLOCK);
    if (!block) throw new TarFormatError('the archive ends before its end marker');
    if (block.every((byte) => byte === 0)) return;
    checkSum(block);
    const size = parseOctal(block, 124, 12);
    const type = String.fromCharCode(block[156]!);
    if (type === 'x') {
      const records = await reader.exact(size + padding(size).length);
      if (!records) throw new TarFormatError('the archive ends in the middle of an entry');
      longName = paxPath(records.subarray(0, size));
      continue;
    }
    if (type !== '0' && type !== '\0') throw new TarFormatError(`unexpected entry type "${type}"`);
    // Only POSIX ustar keeps a name prefix there; GNU tar uses those bytes for other things.
    const posix = block.toString('latin1', 257, 263) === 'ustar\0';
    const prefix = posix ? parseString(block, 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/` : '') + parseString(block, 0, 100);
    longName = undefined;
    // `left` lives outside the iterator, so a caller that stops early (or never reads) leaves
    // a count of what to skip before the next header.
    let left = size;
    const body = {
      async *[Symbol.asyncIterator]() {
        while (left > 0) {
          const piece = await reader.piece(left);
          left -= piece.length;
          yield piece;
        }
      },
    };
    yield { name, size, body };
    while (left > 0) left -= (await reader.piece(left)).length;
    if (size % BLOCK !== 0 && !(await reader.exact(padding(size).length))) {
      throw new TarFormatError('the archive ends in the middle of an entry');
    }
  }
}
