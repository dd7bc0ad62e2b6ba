import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clientRoles, type Format, languages, networks } from '../../../shared/roles.ts';
import { agencies } from './agencies.ts';
import { users } from './identity.ts';

/** A brand the agency works for. */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // IANA zone; every date of this client's plan is shown and reasoned about in it.
    timezone: text('timezone').notNull().default('Europe/Kyiv'),
    // ISO country whose public holidays and notable days the calendar shows.
    country: text('country').notNull().default('UA'),
    // The client's language: what Plit hands the client (the plan deck) is in it, whoever downloads it.
    language: text('language', { enum: languages }).notNull().default('uk'),
    // Day of the month before the planned one by which each stage should be done.
    stageDays: jsonb('stage_days')
      .$type<{ preparation: number; meeting: number; facts: number; content: number }>()
      .notNull()
      .default({ preparation: 20, meeting: 23, facts: 26, content: 30 }),
    // When the client is reminded of fact request items: days before the due date, days after.
    factReminders: jsonb('fact_reminders')
      .$type<{ before: number[]; after: number[] }>()
      .notNull()
      .default({ before: [2], after: [1, 3] }),
    // Posts pass the agency's own review before the client sees them.
    postInternalReview: boolean('post_internal_review').notNull().default(false),
    // A post sent for review is due this many working days before it goes out (posts/approvalDue.ts).
    approvalLeadDays: integer('approval_lead_days').notNull().default(2),
    // The first month planned together in Plit (YYYY-MM): earlier months are "before" in insights.
    coCreationSince: text('co_creation_since'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    // Bumped on every change so a stale edit can be refused instead of silently winning.
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('clients_agency_idx').on(t.agencyId)],
);

export const clientMembers = pgTable(
  'client_members',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: clientRoles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.userId] }), index('client_members_user_idx').on(t.userId)],
);

/** A client's social account. */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    network: text('network', { enum: networks }).notNull(),
    handle: text('handle').notNull(),
    formats: text('formats').array().$type<Format[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('channels_client_idx').on(t.clientId)],
);

/** A content pillar. */
export const rubrics = pgTable(
  'rubrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Two rubrics called "Product" and "product" would only confuse a plan.
  (t) => [uniqueIndex('rubrics_client_name_key').on(t.clientId, sql`lower(${t.name})`)],
);
