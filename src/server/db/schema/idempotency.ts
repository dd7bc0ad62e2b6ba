import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * One create sent with an `Idempotency-Key` (`http/idempotency.ts`): claimed before the handler
 * runs (answer still null), then given the answer it sent, which a retry with the same key gets
 * back instead of a second create, on whichever node it lands. Kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Who sent it (`user:<id>`): two people's keys never meet, and no one replays another's answer.
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    operationId: text('operation_id').notNull(),
    // sha256 of the endpoint, its path parameters, query and canonical JSON body.
    requestHash: text('request_hash').notNull(),
    // For an upload: sha256 of the file's name, size and content hash, known once it was stored.
    uploadHash: text('upload_hash'),
    // Set inside the create's own transaction (`transact()`), so it commits exactly with the
    // effect: a claim with it set is never taken over (no second create), one without it is
    // safe to take over (a late first run can no longer commit, see `markEffect`).
    effectAt: timestamp('effect_at', { withTimezone: true }),
    // The answer sent (status and serialized JSON); null while the first request runs.
    status: integer('status'),
    answer: text('answer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    // The judge of two requests with one key at once: only one claim is inserted.
    uniqueIndex('idempotency_keys_scope_key').on(t.scope, t.key),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
