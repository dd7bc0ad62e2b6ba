import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MonthFigures } from '../../../shared/api/insights.ts';
import { clients } from './clients.ts';
import { users } from './identity.ts';

/**
 * A month from before Plit, imported from the agency's spreadsheet: what it kept about posts
 * and revisions. It is "before" by definition.
 */
export const insightHistory = pgTable(
  'insight_history',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    postsPlanned: integer('posts_planned').notNull(),
    postsPublished: integer('posts_published').notNull(),
    postsApproved: integer('posts_approved').notNull(),
    approvedFirstRound: integer('approved_first_round').notNull(),
    revisionRounds: integer('revision_rounds').notNull(),
    situational: integer('situational').notNull().default(0),
    replacements: integer('replacements').notNull().default(0),
    rewrites: integer('rewrites').notNull().default(0),
    importedById: uuid('imported_by_id').references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.month] })],
);

/**
 * Figures of a closed month, kept so an agency-wide view does not recompute two years of
 * history on every look. `fingerprint` is the client's latest event id when they were computed:
 * any later change of the client makes them stale, and they are computed again on next read.
 */
export const insightCache = pgTable(
  'insight_cache',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    fingerprint: text('fingerprint').notNull(),
    figures: jsonb('figures').$type<MonthFigures>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.month] })],
);
