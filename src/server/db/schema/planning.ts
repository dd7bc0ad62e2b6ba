import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cycleStages, type Format, topicSources, topicStatuses } from '../../../shared/roles.ts';
import { channels, clients, rubrics } from './clients.ts';
import { users } from './identity.ts';

/** Local dates (YYYY-MM-DD, in the client's time zone) by which each stage should be done. */
export type StageDeadlines = Partial<Record<(typeof cycleStages)[number], string>>;

/** One client's one month. */
export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    // YYYY-MM: the month being planned.
    month: text('month').notNull(),
    stage: text('stage', { enum: cycleStages }).notNull().default('preparation'),
    deadlines: jsonb('deadlines').$type<StageDeadlines>().notNull().default({}),
    // While null the plan is the agency's draft; client contacts cannot see it.
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cycles_client_month_key').on(t.clientId, t.month)],
);

export const cycleStageChanges = pgTable(
  'cycle_stage_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: cycleStages }),
    toStage: text('to_stage', { enum: cycleStages }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cycle_stage_changes_cycle_idx').on(t.cycleId, t.id)],
);

/** A weekly rule ("Instagram post Mon/Wed/Fri 10:00") that fills a month with empty slots. */
export const cadenceRules = pgTable(
  'cadence_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    format: text('format').$type<Format>().notNull(),
    // ISO weekdays, 1 = Monday … 7 = Sunday.
    weekdays: integer('weekdays').array().notNull(),
    // HH:MM local time of the client.
    time: text('time').notNull(),
    rubricId: uuid('rubric_id').references(() => rubrics.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadence_rules_cycle_idx').on(t.cycleId)],
);

/** An idea. In a cycle, or (cycle_id null, not dropped) in the client's reserve. */
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id').references(() => cycles.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    angle: text('angle').notNull().default(''),
    rubricId: uuid('rubric_id').references(() => rubrics.id, { onDelete: 'set null' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    format: text('format').$type<Format>(),
    source: text('source', { enum: topicSources }).notNull(),
    status: text('status', { enum: topicStatuses }).notNull().default('proposed'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    // Order within the cycle's topic list; fractional so a move touches one row.
    position: doublePrecision('position').notNull().default(0),
    // When it last entered the reserve: the reserve's "age" filter.
    reservedAt: timestamp('reserved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('topics_cycle_idx').on(t.cycleId, t.position),
    index('topics_client_idx').on(t.clientId, t.cycleId),
  ],
);

/** Which cycles a topic passed through, and how it left each: the topic's history. */
export const topicPasses = pgTable(
  'topic_passes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    // parked | unused (cycle closed) | removed
    leftAs: text('left_as'),
  },
  (t) => [
    index('topic_passes_topic_idx').on(t.topicId),
    // Insights count a month's topics by their passes.
    index('topic_passes_cycle_idx').on(t.cycleId),
  ],
);

/** A place in the posting schedule: holds at most one topic. */
export const slots = pgTable(
  'slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'restrict' }),
    format: text('format').$type<Format>().notNull(),
    rubricId: uuid('rubric_id').references(() => rubrics.id, { onDelete: 'set null' }),
    topicId: uuid('topic_id').references(() => topics.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('slots_cycle_idx').on(t.cycleId, t.startsAt),
    // The rule "a topic sits in one slot at most" is the database's, so no race can break it.
    uniqueIndex('slots_topic_key').on(t.topicId).where(sql`${t.topicId} is not null`),
  ],
);

/** A secret per-client calendar URL; only its hash is stored. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    // Who made it: a member who leaves the agency takes the feeds they made with them (endAccess).
    // Null for feeds made before this was recorded whose maker could not be told.
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash)],
);

/**
 * A gap-free counter per live room, bumped in the same transaction as the change, so every
 * server process numbers a room's events alike and a client can tell it missed one.
 */
export const roomSequences = pgTable('room_sequences', {
  room: text('room').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});
