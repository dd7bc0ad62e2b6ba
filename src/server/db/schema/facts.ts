import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import type { FactAnswer } from '../../../shared/api/facts.ts';
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
    // Turnaround, for the insights: sent, the first answer, every required item accepted.
    firstAnswerAt: timestamp('first_answer_at', { withTimezone: true }),
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
    // The submitted answer; the agency sees only this.
    answer: jsonb('answer').$type<FactAnswer>(),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    // What the client side is typing: saved as typed, so a closed tab loses nothing.
    draft: jsonb('draft').$type<FactAnswer>(),
    draftBy: uuid('draft_by').references(() => users.id, { onDelete: 'set null' }),
    draftAt: timestamp('draft_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    // The answer's own version, apart from the question's: the client typing and the agency
    // rewording the question do not refuse each other, but two people answering do.
    answerVersion: integer('answer_version').notNull().default(1),
    // What the agency's review builds on: moves when the submitted answer or its status does,
    // not with every draft the client saves, so a reviewer is refused only for a real change.
    reviewVersion: integer('review_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fact_items_request_idx').on(t.requestId, t.position)],
);

/** A file the client gave for an item: photos, a price list, a video. The bytes are in FileStorage. */
export const factFiles = pgTable(
  'fact_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => factItems.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fact_files_item_idx').on(t.itemId, t.createdAt),
    uniqueIndex('fact_files_key').on(t.storageKey),
  ],
);

/** The thread on an item: the agency's follow-up questions and the client's replies. */
export const factMessages = pgTable(
  'fact_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => factItems.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    side: text('side', { enum: ['agency', 'client'] }).notNull(),
    body: text('body').notNull(),
    followUp: boolean('follow_up').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fact_messages_item_idx').on(t.itemId, t.createdAt)],
);

/**
 * Each reminder sent, keyed by what it is about: the unique key is what makes a reminder go
 * out once, however many workers look at the same request at the same moment.
 */
export const factReminders = pgTable(
  'fact_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => factRequests.id, { onDelete: 'cascade' }),
    dueOn: text('due_on').notNull(),
    // Negative: days before the due date; positive: days overdue.
    offsetDays: integer('offset_days').notNull(),
    items: integer('items').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fact_reminders_key').on(t.requestId, t.dueOn, t.offsetDays)],
);

/**
 * Each time the request's email went to a contact: the first sending and every re-send. Read by
 * the re-send's guard, so a contact is not mailed the same request twice within minutes.
 */
export const factRequestSendings = pgTable(
  'fact_request_sendings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => factRequests.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentById: uuid('sent_by_id').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fact_request_sendings_request_idx').on(t.requestId, t.userId, t.sentAt)],
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
