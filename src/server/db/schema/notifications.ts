import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Notification } from '../../../shared/api/facts.ts';
import { agencies } from './agencies.ts';
import { users } from './identity.ts';

/** What one person should know about, shown under the bell until read. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<Notification['kind']>().notNull(),
    // Names and counts; the web app writes the sentence in the reader's language.
    data: jsonb('data').$type<Notification['data']>().notNull(),
    link: text('link').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    // For the daily digest: null while it waits to be mailed (or when it is not for email).
    emailPending: boolean('email_pending').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
