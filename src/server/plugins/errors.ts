import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { databaseReason } from '../db/queryError.ts';
import { AppError, type ErrorCode, errorCatalogue } from '../errors.ts';
import { FileStorageError } from '../files/storage.ts';

function body(code: ErrorCode, message?: string, fields?: Record<string, string>, reason?: string) {
  return {
    error: {
      code,
      message: message ?? errorCatalogue[code].message,
      ...(fields ? { fields } : {}),
      ...(reason ? { reason } : {}),
    },
  };
}

/**
 * Drizzle's message for a failed query lists its parameters (a password hash, a token's hash):
 * the log gets the query's text and the database's own error, never the values.
 */
function loggable(error: Error): Error | Record<string, unknown> {
  const reason = databaseReason(error);
  if (!reason) return error;
  return {
    type: 'DrizzleQueryError',
    ...reason,
    // The stack's first lines repeat the message, parameters and all.
    stack: error.stack
      ?.split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
}

/** Seconds before asking again, when storage cannot be used. */
const STORAGE_RETRY_AFTER = '30';

/** System errors of a disk that refuses writes, from Node (files) or PGlite's file system. */
const diskRefusals = new Set(['ENOSPC', 'EROFS', 'EDQUOT']);

/**
 * The disk or the database refuses writes (full, read-only, a standby after failover): the
 * person is told to try later instead of "Something went wrong", and the log says which.
 * Answers the database's or system's own words, or null for any other failure.
 */
function storageRefusal(error: Error & { code?: string }): string | null {
  if (error.code && diskRefusals.has(error.code)) return error.message;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // 53100 disk_full; 25006 read_only_sql_transaction. PGlite reports a read-only folder as a
  // failed file access, recognisable only by the system's words.
  if (cause?.code === '53100' || cause?.code === '25006') return cause.message ?? cause.code;
  if (cause?.message && /read-only file system|no space left on device/i.test(cause.message)) {
    return cause.message;
  }
  return null;
}

/** Turns every failure into `{ error: { code, message, fields? } }`; a stack trace never leaves. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.status(error.status).send(body(error.code, error.message, error.fields, error.reason));
    }
    // The file store failing (S3 down, throttling or refusing, a timeout, a disk error): for
    // uploads and downloads alike, the one place it is answered. The store's own error is logged.
    if (error instanceof FileStorageError && error.code === 'unavailable') {
      request.log.error({ err: error.cause ?? error, storage: error.message }, 'file storage unavailable');
      return reply.status(503).header('retry-after', STORAGE_RETRY_AFTER).send(body('storage_unavailable'));
    }
    const refusal = storageRefusal(error);
    if (refusal) {
      // Only the system's words: a failed query's own message would list its parameters.
      request.log.error({ reason: refusal }, 'storage refused a write');
      return reply.status(503).header('retry-after', STORAGE_RETRY_AFTER).send(body('storage_unavailable'));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        // instancePath is "/email" or "/formats/0"; the whole body or query when empty.
        const at = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        // A field the endpoint does not know is named itself: a typo must not pass for a change.
        const unknown =
          issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: string[] }).keys : null;
        if (unknown?.length) {
          for (const name of unknown) fields[at ? `${at}.${name}` : name] ??= 'Unknown field';
          continue;
        }
        const key = at || error.validationContext || 'body';
        fields[key] ??= issue.message ?? 'Invalid value';
      }
      const [first] = Object.entries(fields);
      const message = first ? `${first[0]}: ${first[1]}` : errorCatalogue.validation_failed.message;
      return reply.status(400).send(body('validation_failed', message, fields));
    }
    // A unique constraint caught a duplicate that slipped past the handler's own checks
    // (two requests at once): the database is the judge, and it is a conflict, not a crash.
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === '23505' || (error as { code?: string }).code === '23505') {
      return reply.status(409).send(body('conflict', 'This already exists.'));
    }
    // Likewise a foreign key: something still uses what the request wanted to remove.
    if (cause?.code === '23503' || (error as { code?: string }).code === '23503') {
      return reply.status(409).send(body('conflict', 'Something else still uses this.'));
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body('payload_too_large'));
    }
    if (status === 429) return reply.status(429).send(body('rate_limited'));
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(400).send(body('malformed_request', 'Send the body as application/json.'));
    }
    if (status >= 400 && status < 500) {
      return reply.status(400).send(body('malformed_request', error.message));
    }
    request.log.error({ err: loggable(error) }, 'request failed');
    return reply.status(500).send(body('internal'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}

/**
 * Fastify's router answers a few requests before any hook or error handler runs (a path
 * parameter over `maxParamLength`, a URL whose percent-encoding is broken): passed to Fastify
 * as its `frameworkErrors` option, they come in our shape too.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.status(414).send(body('uri_too_long'));
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    reply.status(400).send(body('malformed_request', 'The address is not valid.'));
    return;
  }
  // Anything else the router raises (a failing async route constraint) is ours to fix.
  request.log.error({ err: error }, 'router failed');
  reply.status(500).send(body('internal'));
}

/**
 * Requests Node's HTTP parser cannot read (headers or address over its size limit, a bad
 * `content-length`, a broken request line) never reach Fastify's routing; as Fastify's
 * `clientErrorHandler` option this writes our error shape onto the socket before closing it.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, answer] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', body('request_timeout')]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', body('headers_too_large')]
        : [400, 'Bad Request', body('malformed_request')];
  const json = JSON.stringify(answer);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
