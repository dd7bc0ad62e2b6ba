import { z } from 'zod';
import { postStatuses } from '../posts/statuses.ts';
import { decisionKinds, factKinds, formats, networks, sides } from '../roles.ts';
import { isoDate, name, storable, text, uuid, version } from './common.ts';

export const urgencies = ['asap', 'today', 'this_week'] as const;
export type Urgency = (typeof urgencies)[number];

export const changeKinds = ['situational', 'replacement', 'same_day_rewrite'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const emailNotificationModes = ['instant', 'daily', 'off'] as const;
export type EmailNotificationMode = (typeof emailNotificationModes)[number];

/** A file attached to a post (a photo, a video, a layout), kept in the file storage. */
export const postAsset = z.object({
  id: uuid,
  name: z.string(),
  contentType: z.string(),
  size: z.int(),
  createdAt: isoDate,
});
export type PostAsset = z.infer<typeof postAsset>;

/**
 * One row of a cycle's post list: what a queue, a calendar or a list needs. The agency sees the
 * post as it is; a client contact sees it as the last version sent to them (its copy, publish
 * time and the status they last knew, never the agency's internal review).
 */
export const postSummary = z.object({
  id: uuid,
  cycleId: uuid,
  slotId: uuid,
  topicId: uuid.nullable(),
  topicTitle: z.string().nullable(),
  status: z.enum(postStatuses),
  /** The revision round: 1 as first written, +1 with every "changes requested". */
  round: z.int(),
  /** How many versions have been sent to the client (0: never). */
  revision: z.int(),
  publishAt: isoDate,
  channelId: uuid,
  channelLabel: z.string(),
  network: z.enum(networks),
  format: z.enum(formats),
  /**
   * The agency sees the live copy; a client contact sees the last version sent to them, never
   * the writer's work in progress.
   */
  copyText: z.string(),
  approvedRound: z.int().nullable().describe('The round it was approved in; 1 means no changes asked.'),
  approvedAt: isoDate.nullable(),
  approvedByName: z.string().nullable(),
  publishedUrl: z.string().nullable(),
  publishedAt: isoDate.nullable(),
  /** Open comments (for a contact, without the agency's internal notes). */
  openComments: z.int(),
  /** The copy differs from the version the client approved (the agency only; false for contacts). */
  editedAfterApproval: z.boolean(),
  /** The agency's edit counter; for a contact, the revision (what their answers are about). */
  version: z.int(),
  updatedAt: isoDate,
  approvalDue: z
    .string()
    .nullable()
    .describe(
      "While the post waits for the client (client_review): the local date by which they should approve it, the client's approval lead in working days before the publish day of the version they were sent. Null otherwise.",
    ),
  atRisk: z
    .boolean()
    .describe('The post still waits for the client after its approval due date (the day has passed).'),
});
export type PostSummary = z.infer<typeof postSummary>;

/** A slot whose topic has no post yet: what the writers have left to start. */
export const unwrittenSlot = z.object({
  slotId: uuid,
  startsAt: isoDate,
  channelId: uuid,
  channelLabel: z.string(),
  network: z.enum(networks),
  format: z.enum(formats),
  topicId: uuid.nullable(),
  topicTitle: z.string().nullable(),
});
export type UnwrittenSlot = z.infer<typeof unwrittenSlot>;

export const postList = z.object({
  posts: z.array(postSummary),
  /** The agency only (empty for contacts). */
  unwritten: z.array(unwrittenSlot),
  timezone: z.string(),
});
export type PostList = z.infer<typeof postList>;

/**
 * Where a comment points. `text`: a phrase of the copy, kept as Yjs relative positions so it
 * follows later edits; `start`/`end` are its place in the copy the reader sees (the agency:
 * the live copy; a client contact: the version sent to them), null and `orphaned` when the
 * phrase is not in it. `visual`: the visual brief or one asset.
 */
export const commentAnchor = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    quote: z.string().describe('The phrase as it was when the comment was written.'),
    start: z.int().nullable(),
    end: z.int().nullable(),
    current: z.string().nullable().describe('The phrase as it reads now.'),
    orphaned: z.boolean(),
    relStart: z
      .string()
      .describe('Base64 Yjs relative position, for live editors (empty for a client contact).'),
    relEnd: z.string(),
    relBefore: z
      .string()
      .describe(
        'Base64 Yjs relative position of the place before the phrase, where it starts once its first character is deleted (empty: not kept, or a client contact).',
      ),
    relAfter: z.string().describe('The same after the phrase.'),
    following: z
      .string()
      .describe(
        'The text that followed the phrase when it was commented, to its line end (empty for a client contact).',
      ),
  }),
  z.object({ kind: z.literal('visual'), assetId: uuid.nullable() }),
]);
export type CommentAnchor = z.infer<typeof commentAnchor>;

export const postComment = z.object({
  id: uuid,
  revision: z.int().describe('The version it was written on (0: before any was sent).'),
  round: z.int(),
  body: z.string(),
  anchor: commentAnchor.nullable(),
  authorName: z.string().nullable(),
  side: z.enum(sides),
  createdAt: isoDate,
  resolvedAt: isoDate.nullable(),
  resolvedByName: z.string().nullable(),
});
export type PostComment = z.infer<typeof postComment>;

/** What was sent to the client once: kept for ever, compared with the one before. */
export const postVersion = z.object({
  revision: z.int(),
  round: z.int(),
  copyText: z.string(),
  /** The copy as a Tiptap (ProseMirror) JSON document, for showing it formatted. */
  copyDoc: z.record(z.string(), z.unknown()),
  visualBrief: z.string(),
  hashtags: z.array(z.string()),
  link: z.string(),
  firstComment: z.string(),
  assets: z.array(postAsset.pick({ id: true, name: true, contentType: true })),
  publishAt: isoDate,
  sentByName: z.string().nullable(),
  createdAt: isoDate,
});
export type PostVersion = z.infer<typeof postVersion>;

export const postStatusChange = z.object({
  from: z.enum(postStatuses).nullable(),
  to: z.enum(postStatuses),
  round: z.int(),
  actorName: z.string().nullable(),
  side: z.enum(sides),
  note: z.string(),
  at: isoDate,
});
export type PostStatusChange = z.infer<typeof postStatusChange>;

export const unplannedChange = z.object({
  id: uuid,
  cycleId: uuid,
  kind: z.enum(changeKinds),
  urgency: z.enum(urgencies),
  requesterSide: z.enum(sides),
  requesterName: z.string(),
  reason: z.string(),
  postId: uuid.nullable(),
  slotId: uuid.nullable(),
  /** Replacement: the topic that left (back to the reserve) and the one that came in. */
  oldTopicId: uuid.nullable(),
  oldTopicTitle: z.string().nullable(),
  newTopicId: uuid.nullable(),
  newTopicTitle: z.string().nullable(),
  contingencyId: uuid.nullable(),
  contingencyConcept: z.string().nullable(),
  /** A prepared contingency covered it. */
  covered: z.boolean(),
  /** Recorded by Plit itself (a same-day rewrite it noticed), not by a person. */
  detected: z.boolean(),
  /** The client's local date it happened on. */
  happenedOn: z.string(),
  loggedByName: z.string().nullable(),
  createdAt: isoDate,
});
export type UnplannedChange = z.infer<typeof unplannedChange>;

export const postFact = z.object({
  itemId: uuid,
  question: z.string(),
  kind: z.enum(factKinds),
  status: z.string(),
  /** The answer as text (a date, a link, the chosen option, "not available: reason"). */
  answer: z.string().nullable(),
  files: z.array(z.object({ id: uuid, name: z.string(), contentType: z.string() })),
});

export const postPermissions = z.object({
  /** Edit the copy (shared editor) and the other fields. */
  edit: z.boolean(),
  /** Send for internal review / client review, take back. */
  send: z.boolean(),
  approve: z.boolean(),
  requestChanges: z.boolean(),
  comment: z.boolean(),
  publish: z.boolean(),
  uploadAssets: z.boolean(),
});
export type PostPermissions = z.infer<typeof postPermissions>;

/**
 * One post, for its editor (the agency: the post as it is) or its reviewer (a client contact:
 * the last version sent to them, with anchors resolved in it, the moves they were told of and
 * no internal notes).
 */
export const postFull = z.object({
  post: postSummary.extend({
    visualBrief: z.string(),
    hashtags: z.array(z.string()),
    link: z.string(),
    firstComment: z.string(),
    assets: z.array(postAsset),
    /** The Yjs document of the copy (field `default`); the agency only. */
    copyDocument: z.string().nullable(),
  }),
  client: z.object({
    id: uuid,
    name: z.string(),
    timezone: z.string(),
    internalReview: z
      .boolean()
      .nullable()
      .describe("Whether the agency reviews posts internally before sending; null for the client's side."),
  }),
  cycle: z.object({ id: uuid, month: z.string(), stage: z.string() }),
  topic: z
    .object({ id: uuid, title: z.string(), angle: z.string(), rubricName: z.string().nullable() })
    .nullable(),
  /** What the meeting decided about the topic, latest last. */
  decisions: z.array(
    z.object({
      kind: z.enum(decisionKinds),
      note: z.string(),
      decidedByName: z.string().nullable(),
      createdAt: isoDate,
    }),
  ),
  /** The topic's fact pack: the client's answers. */
  facts: z.array(postFact),
  /** Download of the topic's fact pack (ZIP), when there is one. */
  factPackUrl: z.string().nullable(),
  versions: z.array(postVersion),
  history: z.array(postStatusChange),
  comments: z.array(postComment),
  changes: z.array(unplannedChange),
  permissions: postPermissions,
  /** The live room to listen in for this post's changes. */
  rooms: z.array(z.string()),
  maxUploadBytes: z.int(),
});
export type PostFull = z.infer<typeof postFull>;

// ---- Bodies ----

export const createPostBody = z.object({ slotId: uuid });

const hashtag = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .transform((h) => h.replace(/^#+/, ''))
  .pipe(storable().regex(/^[\p{L}\p{N}_]+$/u, 'A hashtag is letters, digits and _'));
const link = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2000)]);

export const updatePostBody = z.object({
  version,
  visualBrief: text(5000).optional(),
  hashtags: z.array(hashtag).max(60).optional(),
  link: link.optional(),
  firstComment: text(5000).optional(),
  publishAt: isoDate.optional().describe('Moves the post (and its slot) to this time.'),
});

export const movePostBody = z.discriminatedUnion('to', [
  z.object({ to: z.literal('internal_review'), version }),
  z.object({ to: z.literal('client_review'), version }),
  z.object({ to: z.literal('draft'), version, note: storable().trim().max(2000).default('') }),
  z.object({
    to: z.literal('approved'),
    revision: z
      .int()
      .min(1)
      .describe('The version being approved; an outdated one answers 409 post_outdated.'),
  }),
  z.object({
    to: z.literal('changes_requested'),
    revision: z.int().min(1),
    note: name(5000).describe('What to change.'),
  }),
  z.object({
    to: z.literal('published'),
    version,
    publishedUrl: z.url({ protocol: /^https?$/ }).max(2000),
  }),
]);
export type MovePostBody = z.input<typeof movePostBody>;

export const approvePostsBody = z.object({
  posts: z
    .array(
      z.object({
        postId: uuid,
        revision: z.int().min(1),
        openComments: z
          .int()
          .min(0)
          .default(0)
          .describe(
            'How many open (unresolved) comments the approver was shown on this post and approves anyway. A post with more open comments than this is refused with open_comments, naming it in `fields` (post id: how many are open), and nothing is approved: a comment added since the approver looked is asked about again.',
          ),
      }),
    )
    .min(1)
    .max(200),
});
export const approveOutcomes = ['approved', 'outdated', 'already_approved', 'not_in_review'] as const;
export const approvePostsResult = z.object({
  results: z.array(z.object({ postId: uuid, outcome: z.enum(approveOutcomes) })),
});

export const createCommentBody = z.object({
  revision: z.int().min(0).describe('The version the commenter is looking at.'),
  body: name(5000),
  anchor: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('text'),
        start: z.int().min(0),
        end: z.int().min(1),
        quote: storable().min(1).max(5000),
      }),
      z.object({ kind: z.literal('visual'), assetId: uuid.nullable().default(null) }),
    ])
    .nullable()
    .default(null),
});
export type CreateCommentBody = z.input<typeof createCommentBody>;

export const resolveCommentBody = z.object({ resolved: z.boolean() });

const requester = {
  urgency: z.enum(urgencies),
  requesterSide: z.enum(sides),
  requesterName: name(200),
  reason: name(2000),
};
export const newTopic = z.object({
  title: name(300),
  angle: storable().trim().max(2000).default(''),
});

export const logChangeBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('situational'),
    ...requester,
    topic: newTopic,
    startsAt: isoDate,
    channelId: uuid,
    format: z.enum(formats),
    contingencyId: uuid.nullable().default(null).describe('The prepared contingency that covered it.'),
  }),
  z.object({
    kind: z.literal('replacement'),
    ...requester,
    postId: uuid,
    /** A topic from the reserve (or unused in this cycle), or a new one. */
    topicId: uuid.nullable().default(null),
    topic: newTopic.nullable().default(null),
    contingencyId: uuid.nullable().default(null),
  }),
  z.object({
    kind: z.literal('same_day_rewrite'),
    ...requester,
    postId: uuid,
    contingencyId: uuid.nullable().default(null),
  }),
]);
export type LogChangeBody = z.input<typeof logChangeBody>;

export const activateContingencyBody = z.object({
  startsAt: isoDate,
  channelId: uuid.nullable().default(null).describe('Defaults to the contingency’s channel.'),
  format: z.enum(formats).nullable().default(null),
  urgency: z.enum(urgencies),
  requesterSide: z.enum(sides),
  requesterName: name(200),
  reason: storable().trim().max(2000).default(''),
});

export const changeList = z.object({ changes: z.array(unplannedChange) });
export const changeResult = z.object({ change: unplannedChange, postId: uuid.nullable() });

export const notificationSettings = z.object({ email: z.enum(emailNotificationModes) });
