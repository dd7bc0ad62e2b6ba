import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { factItemStatuses, factKinds, factRequestStatuses, factSources } from '../../../shared/roles.ts';
import { clients, rubrics } from './clients.ts';
import { users } from './identity.ts';
import { meetingQuestions } from './meetings.ts';
import { cycles, topics } from './planning.ts';

/** What the agency needs from the client to write a month's posts: one per cycle. */
export const factRequests = pgTable(
  'fact_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    status: text('status', { enum: factRequestStatuses }).notNull().default('draft'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fact_requests_cycle_key').on(t.cycleId)],
);

/** One thing asked: a figure, a date, a price, photos, a link. Grouped by the topic it serves. */
export const factItems = pgTable(
  'fact_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => factRequests.id, { onDelete: 'cascade' }),
    // null: a general item, not about one topic.
    topicId: uuid('topic_id').references(() => topics.id, { onDelete: 'set null' }),
    question: text('question').notNull(),
    kind: text('kind', { enum: factKinds }).notNull().default('text'),
    choices: text('choices').array().notNull().default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(true),
    // A local date in the client's time zone.
    dueOn: text('due_on'),
    // The client contact it is for; anyone of the client may still answer.
    contactId: uuid('contact_id').references(() => users.id, { onDelete: 'set null' }),
    source: text('source', { enum: factSources }).notNull(),
    questionId: uuid('question_id').references(() => meetingQuestions.id, { onDelete: 'set null' }),
    status: text('status', { enum: factItemStatuses }).notNull().default('open'),
    position: doublePrecision('position').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fact_items_request_idx').on(t.requestId, t.position)],
);

/** What a rubric always needs ("product": price, photos, link): copied into each request's draft. */
export const factTemplates = pgTable(
  'fact_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rubricId: uuid('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    kind: text('kind', { enum: factKinds }).notNull().default('text'),
    choices: text('choices').array().notNull().default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(true),
    position: doublePrecision('position').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('fact_templates_rubric_idx').on(t.rubricId, t.position)],
);
