import {
  bigserial,
  customType,
  doublePrecision,
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
import {
  agendaKinds,
  decisionKinds,
  meetingFormats,
  meetingStatuses,
  questionStatuses,
  reactions,
  sides,
} from '../../../shared/roles.ts';
import { clients } from './clients.ts';
import { users } from './identity.ts';
import { cycles, slots, topics } from './planning.ts';

/** Binary data (Yjs states and updates), read back as a Uint8Array on both drivers. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

export interface MeetingFocus {
  itemId: string | null;
  topicId: string | null;
  byName: string | null;
  at: string;
}

/** A running or paused countdown for one agenda item; the server's clock is the only one that counts. */
export interface MeetingTimer {
  itemId: string;
  // While running: when it ends. While paused: null, and `remainingMs` holds what is left.
  endsAt: string | null;
  remainingMs: number;
}

/** The co-creation meeting of a cycle (or, with format `async`, its fire-mode review). */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    format: text('format', { enum: meetingFormats }).notNull(),
    status: text('status', { enum: meetingStatuses }).notNull().default('scheduled'),
    // When it starts (online/offline), or by when the client should review (async).
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(90),
    callLink: text('call_link'),
    place: text('place'),
    voteBudget: integer('vote_budget').notNull().default(3),
    facilitatorId: uuid('facilitator_id').references(() => users.id, { onDelete: 'set null' }),
    facilitatorName: text('facilitator_name'),
    focus: jsonb('focus').$type<MeetingFocus>(),
    timer: jsonb('timer').$type<MeetingTimer>(),
    // What the meeting left behind, frozen when it ended.
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One meeting (or review) per cycle; rescheduling edits it.
  (t) => [uniqueIndex('meetings_cycle_key').on(t.cycleId)],
);

export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    side: text('side', { enum: sides }).notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/**
 * Who came to the meeting: a person whose socket was admitted into its room while it was live
 * (or who was in the room when it started). Written once per person; the summary's participants
 * are these, not the invitees.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    side: text('side', { enum: sides }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: agendaKinds }).notNull(),
    title: text('title').notNull(),
    minutes: integer('minutes').notNull(),
    position: doublePrecision('position').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

/**
 * A participant's dots on a topic. Stored as a count that a vote sets (not adds to), so a
 * retried request can never count twice.
 */
export const topicVotes = pgTable(
  'topic_votes',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dots: integer('dots').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.topicId, t.userId] })],
);

/** One row per person, topic and reaction: adding it twice is a no-op. */
export const topicReactions = pgTable(
  'topic_reactions',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reaction: text('reaction', { enum: reactions }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.topicId, t.userId, t.reaction] })],
);

/** What was decided about a topic, by whom; the latest one per topic is in force. */
export const topicDecisions = pgTable(
  'topic_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: decisionKinds }).notNull(),
    // For "change": what changes. For others: an optional reason.
    note: text('note').notNull().default(''),
    // For "move": the slot it moved to.
    slotId: uuid('slot_id').references(() => slots.id, { onDelete: 'set null' }),
    decidedById: uuid('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedByName: text('decided_by_name'),
    side: text('side', { enum: sides }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('topic_decisions_meeting_idx').on(t.meetingId, t.createdAt)],
);

/** Asked by either side; answered on the spot or left for the fact request. */
export const meetingQuestions = pgTable(
  'meeting_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id').references(() => topics.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    askedById: uuid('asked_by_id').references(() => users.id, { onDelete: 'set null' }),
    askedByName: text('asked_by_name'),
    side: text('side', { enum: sides }).notNull(),
    status: text('status', { enum: questionStatuses }).notNull().default('open'),
    answer: text('answer').notNull().default(''),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_questions_meeting_idx').on(t.meetingId, t.createdAt)],
);

/** Fire mode: a written comment on a topic or a slot, with the client's verdict if it gives one. */
export const reviewComments = pgTable(
  'review_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type', { enum: ['topic', 'slot'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    body: text('body').notNull(),
    // accept | changes | null (a plain comment or the agency's answer)
    verdict: text('verdict', { enum: ['accept', 'changes'] }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    side: text('side', { enum: sides }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_comments_meeting_idx').on(t.meetingId, t.subjectId, t.createdAt)],
);

/** A shared Yjs document (meeting notes, later post copy): its merged state. */
export const collabDocuments = pgTable('collab_documents', {
  name: text('name').primaryKey(),
  state: bytea('state').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Changes to a shared document stored since its state was last compacted: each acknowledged
 * edit is one insert (of many documents at once), never a rewrite of the whole state, so the
 * cost of storing an edit does not grow with the document. Compaction folds them into
 * `collab_documents` and deletes exactly the rows it folded.
 */
export const collabUpdates = pgTable(
  'collab_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    update: bytea('update').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collab_updates_name_idx').on(t.name, t.id)],
);
