import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { isPreviewable } from '../facts/previews.ts';
import { cutAfterAnswer, type Received, receiveFile, tooLarge } from '../facts/upload.ts';
import { attachmentDisposition, sanitizeFileName } from './fileName.ts';
import { type FileStorage, FileStorageError } from './storage.ts';

// Multipart framing around the file: boundaries and part headers, generously.
const FRAMING_BYTES = 64 * 1024;

/** An onRequest hook: a declared size over the limit is refused before a byte of the body is read. */
export const refuseDeclaredTooLarge = (max: number) => async (request: FastifyRequest) => {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > max + FRAMING_BYTES) {
    cutAfterAnswer(request.raw);
    throw tooLarge(max);
  }
};

/** An upload in storage, with the name it is shown under. */
export type ReceivedUpload = Received & { name: string };

/**
 * Reads a request's upload into this client's storage. A command is given one, so that it
 * decides when the bytes are read: after its checks, outside its transaction.
 */
export type ReceiveUpload = (clientId: string) => Promise<ReceivedUpload>;

/** The one file of a multipart upload, streamed to storage; a torn or malformed body is a 400. */
export async function receiveUpload(
  files: FileStorage,
  max: number,
  request: FastifyRequest,
  clientId: string,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new AppError('validation_failed', { fields: { file: 'Send the file as multipart/form-data.' } });
  }
  try {
    const part = await request.file();
    if (!part) throw new AppError('validation_failed', { fields: { file: 'Choose a file to upload.' } });
    const received = await receiveFile(files, part, clientId, max);
    receivedUploads.set(request, uploadFingerprint(part.filename, received.bytes, received.sha256));
    const name = withExtension(sanitizeFileName(part.filename || 'file'), received.type.extension);
    return { ...received, name };
  } catch (error) {
    if (error instanceof AppError && error.code === 'file_too_large') cutAfterAnswer(request.raw);
    // Only the form itself is the client's fault (400). The store failing is a 503 the browser
    // retries (`FileStorageError('unavailable')`, answered by the error handler); anything else
    // is ours (500). Taking either for a torn upload told people to pick the file again.
    if (isTornForm(error)) {
      throw new AppError('validation_failed', {
        fields: { file: 'The upload was cut off or is not a valid form. Choose the file and try again.' },
      });
    }
    throw error;
  }
}

/**
 * An error of the form parser: @fastify/multipart's own (`FST_*`, a premature close included),
 * the request's connection cut, or busboy's words for a body that is not a whole form.
 */
function isTornForm(error: unknown): boolean {
  if (error instanceof AppError || error instanceof FileStorageError) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    return (
      code.startsWith('FST_') || ['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'ECONNABORTED'].includes(code)
    );
  }
  return (
    typeof message === 'string' &&
    /unexpected end of multipart data|terminated early|boundary not found|missing content-type|unsupported content type|not ready to parse|malformed/i.test(
      message,
    )
  );
}

// What each request's upload was, for an idempotent retry to be compared with (`http/idempotency.ts`).
const receivedUploads = new WeakMap<FastifyRequest, string>();

const uploadFingerprint = (filename: string, bytes: number, sha256: string) =>
  createHash('sha256')
    .update(JSON.stringify([filename, bytes, sha256]))
    .digest('hex');

/** The fingerprint (name, size, bytes' hash) of the file this request stored, if it stored one. */
export const uploadFingerprintOf = (request: FastifyRequest): string | null =>
  receivedUploads.get(request) ?? null;

/**
 * The fingerprint of a retried upload's file, read to its end and dropped (the first request
 * stored it already). A body that is not a whole upload answers like `receiveUpload`.
 */
export async function fingerprintUpload(request: FastifyRequest): Promise<string | null> {
  if (!request.isMultipart()) return null;
  try {
    const part = await request.file();
    if (!part) return null;
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    return part.file.truncated ? null : uploadFingerprint(part.filename, bytes, hash.digest('hex'));
  } catch {
    throw new AppError('validation_failed', {
      fields: { file: 'The upload was cut off or is not a valid form. Choose the file and try again.' },
    });
  }
}

/** Keep the person's name for the file, but let its extension tell the truth about the bytes. */
function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const same = current === extension || (current === 'jpeg' && extension === 'jpg');
  return same ? name : `${base}.${extension}`;
}

interface StoredFile {
  storageKey: string;
  name: string;
  contentType: string;
  size: number;
}

/** Send a stored file: as an attachment, or an image inline when a preview is asked for. */
export async function sendStoredFile(
  reply: FastifyReply,
  files: FileStorage,
  file: StoredFile,
  preview: boolean,
) {
  const body = await files.get(file.storageKey).catch((error: unknown) => {
    // A row whose bytes are gone (a restored backup without its files, a node with its own disk):
    // said as such to the person, and logged with the key for whoever runs Plit.
    if (error instanceof FileStorageError && error.code === 'file_missing') {
      reply.log.error({ storageKey: file.storageKey }, 'file missing from storage');
      throw new AppError('file_missing');
    }
    throw error;
  });
  const inline = preview && isPreviewable(file.contentType);
  return (
    reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header(
        'content-disposition',
        inline
          ? attachmentDisposition(file.name).replace(/^attachment/, 'inline')
          : attachmentDisposition(file.name),
      )
      // Whatever the bytes, the browser neither guesses a type nor runs anything from them.
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(body)
  );
}
