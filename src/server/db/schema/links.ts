import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { linkKinds } from '../../../shared/api/links.ts';
import { clients } from './clients.ts';
import { users } from './identity.ts';

/**
 * Scoped links: an emailed (or copied) link that opens one subject for one person (a fact
 * request, the posts of one month waiting for review, one meeting), never a full sign-in.
 * `subject_id` is the fact request's, the cycle's or the meeting's id, after `kind`.
 */
export const accessLinks = pgTable(
  'access_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // sha256 of the secret in the link: reading the database does not let anyone in.
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: linkKinds }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    // Who copied it for the person ("copy the client's link"); null when it was emailed.
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('access_links_token_key').on(t.tokenHash),
    index('access_links_user_idx').on(t.userId),
    index('access_links_subject_idx').on(t.subjectId),
  ],
);
