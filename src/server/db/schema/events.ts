import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { audiences } from '../../../shared/events/audience.ts';
import { agencies } from './agencies.ts';

/**
 * What happened, written in the same transaction as the change itself.
 * It feeds the activity feed now, and real time and insights later.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id'),
    // Kept even when the user is later deleted, as history.
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    // Who may see it (the event catalogue decides when it is recorded): every reader filters on it.
    audience: text('audience', { enum: audiences }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_client_idx').on(t.clientId, t.id),
    index('events_agency_idx').on(t.agencyId, t.id),
    check('events_audience_check', sql`${t.audience} in ('team', 'everyone')`),
  ],
);

/** A file sent with an email: text only (an invitation .ics), stored with the email. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * queued: SMTP is configured and the email waits for the delivery worker; sent; failed: gave up
 * after its retries; not_configured: never sent, because this server has no SMTP_URL.
 * `kept` is what rows written before 0013 said; the migration turns them into the others.
 */
export const outboxStatuses = ['queued', 'sent', 'failed', 'not_configured'] as const;

/**
 * Every email Plit sends. Owners read `text` and `html`, which never hold a usable one-time link
 * (written redacted). The real text SMTP needs lives only in `deliver_text` / `deliver_html`,
 * which no presenter reads, written only when SMTP is configured and cleared once the email is
 * sent or given up on.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'cascade' }),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    status: text('status', { enum: outboxStatuses }).notNull(),
    error: text('error'),
    // Small text attachments (a meeting's .ics), kept so a resend or a reader sees them too.
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    deliverText: text('deliver_text'),
    deliverHtml: text('deliver_html'),
    attempts: integer('attempts').notNull().default(0),
    // When a queued email may next be tried; a worker that claims it moves this on (its lease),
    // so a crashed worker's email is tried again later and two workers never hold it at once.
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbox_agency_idx').on(t.agencyId, t.createdAt),
    index('outbox_queued_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
  ],
);

/**
 * Magic-link and password-reset requests, as they arrived: the request handler only inserts
 * here, whatever the address, so its answer takes the same time for an account and for nobody.
 * The mail worker looks the address up later, issues the token and queues the email.
 */
export const linkRequests = pgTable('link_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind', { enum: ['magic_link', 'password_reset'] }).notNull(),
  email: text('email').notNull(),
  ip: text('ip'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  // The page the person was going to when they asked to sign in: the emailed link lands there.
  next: text('next'),
});
