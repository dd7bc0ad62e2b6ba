import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type EndpointSpec, isZod } from '../../shared/api/endpoint.ts';
import { HAND_OVER_SECONDS, IDEMPOTENCY_HEADER, isIdempotencyKey } from '../../shared/api/idempotency.ts';
import type { Db, Executor } from '../db/connect.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { fingerprintUpload, uploadFingerprintOf } from '../files/http.ts';

/**
 * Idempotent creates, the one rule: a create sent with an `Idempotency-Key` runs once per
 * person and key; a retry with the same key and the same request gets the first answer back
 * (status and body, from the database, so on any node), for 24 hours. `route()` applies it to
 * every endpoint declared `idempotent: true`; no handler knows about it.
 *
 * 1. A claim row is inserted before the handler runs; the unique index on (scope, key) decides
 *    between two requests at once: the second answers 409 `request_in_progress` (Retry-After).
 * 2. The create's own transaction marks the claim (`markEffect`, called by `transact()`), so the
 *    mark commits exactly with the effect.
 * 3. Before the answer leaves, it is stored on the claim (`keepAnswer`, an onSend hook): the
 *    client never sees an answer a retry could not get again.
 * 4. A failed request (4xx, 5xx) whose create did not commit gives its claim up: nothing was
 *    changed, so a retry (after a 503 from a node that stopped, a 409 stale version corrected)
 *    must run for real, not be told the failure again.
 *
 * The window left: a node that dies between committing the create and storing its answer (a few
 * milliseconds; or a handler failing after its command committed) leaves a marked claim without
 * an answer. A retry then gets 409 `request_already_done`, never a second create.
 * A claim left unmarked by a node that died (its create never committed) is taken over after
 * `TAKEOVER_AFTER`; if that node was only slow, its create can no longer commit (`markEffect`
 * finds its claim gone and rolls it back), so even then one create wins.
 */

const KEPT = sql`interval '24 hours'`;
// Short, because the person is waiting on it: the browser retries a create it got no answer for
// only until a deadline (`web/api/retry.ts`), and a click after that makes a new key, so a second
// thing. Taking over early is safe: a first run that was only slow cannot commit after it (its
// `markEffect` finds the claim gone and rolls its transaction back; a first run that marked its
// claim first holds the row, and the takeover, which deletes only unmarked claims, leaves it).
const TAKEOVER_AFTER = sql.raw(`interval '${HAND_OVER_SECONDS} seconds'`);
// Storing an answer takes milliseconds after the commit; a marked claim still without one after
// this long belongs to a node that stopped. Until then a retry is told `request_in_progress`.
const ANSWER_LOST_AFTER = TAKEOVER_AFTER;
// Expired claims are deleted by whichever request comes along, at most this often per process.
const PURGE_EVERY_MS = 60_000;

interface Claim {
  id: string;
  db: Db;
  // Until its answer is sent. Work the request left behind (a timer, a wake-up) inherits the
  // async context; once the request is answered its transactions are not this create's.
  open: boolean;
}

const running = new AsyncLocalStorage<Claim>();
const claimOf = new WeakMap<FastifyRequest, Claim>();
let lastPurge = 0;

declare module 'fastify' {
  interface FastifyInstance {
    /** Where claims and answers of idempotent creates are kept (shared by every node). */
    idempotencyDb: Db;
  }
}

/** The header's key, or null when the request has none; a malformed one is a 400. */
function keyOf(request: FastifyRequest): string | null {
  const value = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !isIdempotencyKey(value)) {
    throw new AppError('validation_failed', {
      message: `${IDEMPOTENCY_HEADER}: use 8 to 200 printable characters without spaces (a UUID).`,
      fields: { [IDEMPOTENCY_HEADER]: 'Use 8 to 200 printable characters without spaces (a UUID).' },
    });
  }
  return value;
}

/**
 * JSON with object keys sorted: the same request hashes the same whatever its key order. Sorted
 * by code units, not `localeCompare`: the order (so the hash) must not depend on the locale of
 * the node that happens to answer.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * What makes two requests the same one: the endpoint, its path and query, and its body: the
 * JSON, or the bytes' hash for a file sent as it is (a CSV import: another file under the same
 * key is another request). An upload's file is compared apart (`fingerprintUpload`).
 */
function requestHash(spec: EndpointSpec, request: FastifyRequest): string {
  const body = isZod(spec.body)
    ? request.body
    : Buffer.isBuffer(request.body)
      ? { sha256: createHash('sha256').update(request.body).digest('hex') }
      : null;
  return createHash('sha256')
    .update(canonical([spec.operationId, request.params, request.query, body]))
    .digest('hex');
}

function inProgress(): AppError {
  return new AppError('request_in_progress', { headers: { 'retry-after': '1' } });
}

/**
 * Runs an endpoint's handler under the rule above (or just runs it: no key, or no one signed in
 * to keep a key for). Answers the stored reply instead when the key was answered before.
 */
export async function runIdempotent<T>(
  spec: EndpointSpec,
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<T>,
): Promise<T | FastifyReply> {
  const key = keyOf(request);
  const actor = request.actor;
  if (key === null || !actor) return run();
  const db = request.server.idempotencyDb;
  purgeExpired(db, request);
  // The person, not the session: their retry after signing in again still finds its key. A
  // session opened from a scoped link is kept apart, since its answers are presented for it.
  const scope = actor.scope ? `user:${actor.user.id}:link:${actor.scope.linkId}` : `user:${actor.user.id}`;
  const hash = requestHash(spec, request);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [claimed] = await db
      .insert(idempotencyKeys)
      .values({ scope, key, operationId: spec.operationId, requestHash: hash })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id });
    if (claimed) {
      const claim = { id: claimed.id, db, open: true };
      claimOf.set(request, claim);
      return running.run(claim, run);
    }
    const [row] = await db
      .select({
        id: idempotencyKeys.id,
        requestHash: idempotencyKeys.requestHash,
        uploadHash: idempotencyKeys.uploadHash,
        status: idempotencyKeys.status,
        answer: idempotencyKeys.answer,
        expired: sql<boolean>`${idempotencyKeys.createdAt} < now() - ${KEPT}`,
        abandoned: sql<boolean>`${idempotencyKeys.effectAt} is null and ${idempotencyKeys.createdAt} < now() - ${TAKEOVER_AFTER}`,
        answerLost: sql<boolean>`${idempotencyKeys.effectAt} < now() - ${ANSWER_LOST_AFTER}`,
      })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!row) continue; // given up between our insert and our read: claim it now
    if (row.expired) {
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, row.id));
      continue;
    }
    if (row.requestHash !== hash) throw new AppError('idempotency_key_reused');
    if (row.status !== null && row.answer !== null) {
      // An upload is the same request only with the same file: read the retry's (it is on the
      // wire anyway) and compare its name, size and bytes' hash with the first one's.
      if (!isZod(spec.body) && spec.body?.kind === 'multipart') {
        if ((await fingerprintUpload(request)) !== row.uploadHash)
          throw new AppError('idempotency_key_reused');
      }
      return reply
        .status(row.status)
        .header('content-type', 'application/json; charset=utf-8')
        .header('idempotent-replayed', 'true')
        .send(row.answer);
    }
    if (row.answerLost) throw new AppError('request_already_done');
    if (!row.abandoned) throw inProgress();
    // Its node stopped before the create committed: take it over (see the comment on top).
    await db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.id, row.id), isNull(idempotencyKeys.effectAt)));
  }
  throw inProgress();
}

/**
 * Called by `transact()` inside every transaction: when it runs for a claimed create, the claim
 * is marked in that same transaction. A claim taken over meanwhile is gone, and then this
 * create must not commit: the one that took over runs it.
 */
export async function markEffect(tx: Executor): Promise<void> {
  const claim = running.getStore();
  if (!claim?.open) return;
  const marked = await tx
    .update(idempotencyKeys)
    .set({ effectAt: sql`coalesce(${idempotencyKeys.effectAt}, now())` })
    .where(eq(idempotencyKeys.id, claim.id))
    .returning({ id: idempotencyKeys.id });
  if (marked.length === 0) throw inProgress();
}

/**
 * An onSend hook of idempotent endpoints: a success's answer is stored on its claim before it
 * leaves; a failure whose create did not commit gives the claim up (step 4 above).
 */
export async function keepAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const claim = claimOf.get(request);
  if (!claim) return payload;
  claimOf.delete(request);
  claim.open = false;
  const ok = reply.statusCode >= 200 && reply.statusCode < 300;
  const answer =
    typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  try {
    if (ok && answer !== null) {
      await claim.db
        .update(idempotencyKeys)
        .set({
          status: reply.statusCode,
          answer,
          uploadHash: uploadFingerprintOf(request),
          completedAt: sql`now()`,
        })
        .where(eq(idempotencyKeys.id, claim.id));
    } else {
      await claim.db
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.id, claim.id), isNull(idempotencyKeys.effectAt)));
    }
  } catch (err) {
    // The create itself stands; a retry will be told it was done (request_already_done).
    request.log.warn({ err }, 'could not keep the answer of an idempotent request');
  }
  return payload;
}

function purgeExpired(db: Db, request: FastifyRequest): void {
  if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = Date.now();
  void db
    .delete(idempotencyKeys)
    .where(sql`${idempotencyKeys.createdAt} < now() - ${KEPT}`)
    .catch((err: unknown) => request.log.warn({ err }, 'could not purge expired idempotency keys'));
}
