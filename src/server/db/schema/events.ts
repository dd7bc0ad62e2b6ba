import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

/** Every email Plit sends; with no SMTP_URL the agency owner reads them here. */
/** A file sent with an email: text only (an invitation .ics), stored with the email. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'cascade' }),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    // kept: no SMTP configured, readable in the app; sent / failed: SMTP outcome.
    status: text('status', { enum: ['kept', 'sent', 'failed'] }).notNull(),
    error: text('error'),
    // Small text attachments (a meeting's .ics), kept so a resend or a reader sees them too.
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outbox_agency_idx').on(t.agencyId, t.createdAt)],
);
