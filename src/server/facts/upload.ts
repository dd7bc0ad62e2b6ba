import type { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import { AppError } from '../errors.ts';
import { detectFileType, type FileType, isExecutable, SNIFF_BYTES } from '../files/fileType.ts';
import { type FileStorage, FileStorageError, newFileKey } from '../files/storage.ts';

export interface Received {
  key: string;
  type: FileType;
  bytes: number;
  sha256: string;
}

/**
 * Read the upload's first bytes, judge the file by them (never by its name or the browser's
 * Content-Type), then stream it to storage. Nothing is held in memory beyond the head; a file
 * over the limit stops being stored at the limit and leaves nothing behind.
 */
export async function receiveFile(
  storage: FileStorage,
  part: MultipartFile,
  clientId: string,
  maxBytes: number,
): Promise<Received> {
  const iterator = part.file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // At the limit the parser only marks the file cut short and goes on reading (and dropping)
  // the rest of the body; waiting for that would read a 2 GB upload to its end. Stop at once.
  const limit = new Promise<never>((_, reject) => {
    part.file.once('limit', () => reject(tooLarge(maxBytes)));
  });
  limit.catch(() => {});
  const source = { next: () => Promise.race([iterator.next(), limit]) };
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = Buffer.concat(head);
  if (first.length === 0) throw new AppError('file_empty');
  const drain = () => (part.file as Readable).resume();
  if (isExecutable(first)) {
    drain();
    throw new AppError('file_type_not_allowed', {
      message: `"${part.filename}" is a program, whatever its name says. Programs cannot be uploaded.`,
    });
  }
  const type = detectFileType(first.subarray(0, SNIFF_BYTES), part.filename);
  if (!type) {
    drain();
    throw new AppError('file_type_not_allowed');
  }
  const key = newFileKey(clientId);
  async function* whole() {
    yield first;
    if (ended) return;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      yield next.value;
    }
  }
  try {
    const stored = await storage.put(key, whole(), { maxBytes });
    // The parser stops at the limit and marks the part cut short: never keep half a file.
    if (part.file.truncated) {
      await storage.remove(key);
      throw tooLarge(maxBytes);
    }
    return { key, type, ...stored };
  } catch (error) {
    drain();
    if (error instanceof FileStorageError && error.code === 'file_too_large') throw tooLarge(maxBytes);
    if (error instanceof FileStorageError && error.code === 'file_empty') throw new AppError('file_empty');
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
}

export const tooLarge = (maxBytes: number) =>
  new AppError('file_too_large', {
    message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the upload limit.`,
  });

/** How long the rest of a refused body is read (and dropped) before the connection is cut. */
export const LINGER_MS = 1000;

/**
 * After refusing an upload mid-body: read and drop the rest for a moment, so the sender is still
 * reading when our 413 arrives (closing at once resets the connection, and a browser then shows
 * a network error instead of the answer), then cut it, so a 2 GB body is not read to its end.
 */
export function cutAfterAnswer(raw: { destroy(): void }) {
  setTimeout(() => raw.destroy(), LINGER_MS).unref();
}
