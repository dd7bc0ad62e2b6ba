import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { changeKinds, urgencies } from '../../../shared/api/posts.ts';
import type { CopyNode } from '../../../shared/posts/copyText.ts';
import { postStatuses } from '../../../shared/posts/statuses.ts';
import { sides } from '../../../shared/roles.ts';
import { contingencies } from './clientPlans.ts';
import { clients } from './clients.ts';
import { users } from './identity.ts';
import { bytea } from './meetings.ts';
import { cycles, slots, topics } from './planning.ts';

/**
 * The content for one slot. Its copy lives in a shared Yjs document (`post:<id>:copy`);
 * `copy_text` is that copy as plain text, kept up to date for lists, limits and detection.
 */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    // A slot holds one post; a slot with a post is not deleted from under it (restrict).
    slotId: uuid('slot_id')
      .notNull()
      .references(() => slots.id, { onDelete: 'restrict' }),
    topicId: uuid('topic_id').references(() => topics.id, { onDelete: 'set null' }),
    status: text('status', { enum: postStatuses }).notNull().default('draft'),
    round: integer('round').notNull().default(1),
    // How many versions were sent to the client; the one under review is `revision`.
    revision: integer('revision').notNull().default(0),
    copyText: text('copy_text').notNull().default(''),
    visualBrief: text('visual_brief').notNull().default(''),
    hashtags: text('hashtags').array().notNull().default(sql`'{}'::text[]`),
    link: text('link').notNull().default(''),
    firstComment: text('first_comment').notNull().default(''),
    approvedRevision: integer('approved_revision'),
    approvedRound: integer('approved_round'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedById: uuid('approved_by_id').references(() => users.id, { onDelete: 'set null' }),
    approvedByName: text('approved_by_name'),
    publishedUrl: text('published_url'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('posts_slot_key').on(t.slotId), index('posts_cycle_idx').on(t.cycleId)],
);

export interface VersionAsset {
  id: string;
  name: string;
  contentType: string;
}

/** What the client was sent, once: never changed, so every round can be compared. */
export const postVersions = pgTable(
  'post_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    round: integer('round').notNull(),
    copyText: text('copy_text').notNull(),
    copyDoc: jsonb('copy_doc').$type<CopyNode>().notNull(),
    /**
     * The copy's Yjs state as it was sent (`Y.encodeStateAsUpdate`): a contact's comment is
     * anchored in it, and its items live on in the writer's document. Null for versions sent
     * before it was kept.
     */
    copyState: bytea('copy_state'),
    visualBrief: text('visual_brief').notNull(),
    hashtags: text('hashtags').array().notNull(),
    link: text('link').notNull(),
    firstComment: text('first_comment').notNull(),
    assets: jsonb('assets').$type<VersionAsset[]>().notNull(),
    publishAt: timestamp('publish_at', { withTimezone: true }).notNull(),
    sentById: uuid('sent_by_id').references(() => users.id, { onDelete: 'set null' }),
    sentByName: text('sent_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('post_versions_key').on(t.postId, t.revision)],
);

export const postStatusChanges = pgTable(
  'post_status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: postStatuses }),
    toStatus: text('to_status', { enum: postStatuses }).notNull(),
    round: integer('round').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    side: text('side', { enum: sides }).notNull(),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_status_changes_post_idx').on(t.postId, t.id)],
);

export const postAssets = pgTable(
  'post_assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    // Removed from the post, kept for the versions that showed it (history stays whole).
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('post_assets_post_idx').on(t.postId, t.createdAt),
    uniqueIndex('post_assets_key').on(t.storageKey),
  ],
);

/**
 * A comment on a post. A text anchor is Yjs relative positions in the copy's shared document
 * (the phrase's ends and the places around it): they follow the phrase through later edits,
 * where offsets would drift.
 */
export const postComments = pgTable(
  'post_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    round: integer('round').notNull(),
    body: text('body').notNull(),
    anchorKind: text('anchor_kind', { enum: ['text', 'visual'] }),
    anchorStart: text('anchor_start'),
    anchorEnd: text('anchor_end'),
    // The places around the phrase (the character before and after it), where the phrase falls
    // back to once its own first or last character is deleted: text typed over it stays
    // commented (shared/posts/anchorEnds.ts). Null on comments written before they were kept.
    anchorBefore: text('anchor_before'),
    anchorAfter: text('anchor_after'),
    // The text that followed the phrase (to its line's end, at most 24 characters): an editor
    // that writes by diffing may reuse the character after the phrase inside the new wording.
    anchorFollowing: text('anchor_following'),
    quote: text('quote'),
    assetId: uuid('asset_id').references(() => postAssets.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    side: text('side', { enum: sides }).notNull(),
    // Written by the agency on a version the client has not been sent: the team's own notes.
    internal: boolean('internal').notNull().default(false),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByName: text('resolved_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_comments_post_idx').on(t.postId, t.createdAt)],
);

/** Something done outside the agreed plan during the month, and whether "what if" had covered it. */
export const unplannedChanges = pgTable(
  'unplanned_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: changeKinds }).notNull(),
    urgency: text('urgency', { enum: urgencies }).notNull(),
    requesterSide: text('requester_side', { enum: sides }).notNull(),
    requesterName: text('requester_name').notNull(),
    reason: text('reason').notNull(),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'set null' }),
    slotId: uuid('slot_id').references(() => slots.id, { onDelete: 'set null' }),
    oldTopicId: uuid('old_topic_id').references(() => topics.id, { onDelete: 'set null' }),
    newTopicId: uuid('new_topic_id').references(() => topics.id, { onDelete: 'set null' }),
    contingencyId: uuid('contingency_id').references(() => contingencies.id, { onDelete: 'set null' }),
    // Kept apart from contingency_id: a contingency deleted later still covered this change.
    covered: boolean('covered').notNull().default(false),
    detected: boolean('detected').notNull().default(false),
    // The client's local date; with `detected` it keys "one noticed rewrite per post per day".
    happenedOn: text('happened_on').notNull(),
    loggedById: uuid('logged_by_id').references(() => users.id, { onDelete: 'set null' }),
    loggedByName: text('logged_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unplanned_changes_cycle_idx').on(t.cycleId, t.createdAt),
    uniqueIndex('unplanned_changes_detected_key')
      .on(t.postId, t.happenedOn)
      .where(sql`${t.detected} and ${t.kind} = 'same_day_rewrite'`),
  ],
);

export const approvalReminderKinds = ['before', 'on_day', 'overdue'] as const;
export type ApprovalReminderKind = (typeof approvalReminderKinds)[number];

/**
 * An approval reminder, claimed before it is sent: inserted under its unique key (post, due
 * date, kind) in the transaction that writes its notifications and emails, so it goes out
 * once however many server processes look (posts/approvalReminders.ts).
 */
export const approvalReminders = pgTable(
  'approval_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    // The post's approval due date (a local date) when the reminder went out.
    dueOn: text('due_on').notNull(),
    kind: text('kind', { enum: approvalReminderKinds }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('approval_reminders_key').on(t.postId, t.dueOn, t.kind)],
);
