import { z } from 'zod';
import { factItemStatuses, factKinds, factRequestStatuses, factSources } from '../roles.ts';
import { isoDate, name, text, uuid, version } from './common.ts';
import { localDate } from './planning.ts';

export const factItem = z.object({
  id: uuid,
  topicId: uuid.nullable().describe('null: a general item, about no one topic.'),
  question: z.string(),
  kind: z.enum(factKinds),
  choices: z.array(z.string()),
  required: z.boolean(),
  dueOn: localDate.nullable(),
  contactId: uuid.nullable(),
  source: z.enum(factSources),
  status: z.enum(factItemStatuses),
  position: z.number(),
  version: z.int(),
});
export type FactItem = z.infer<typeof factItem>;

export const factRequest = z.object({
  id: uuid,
  cycleId: uuid,
  status: z.enum(factRequestStatuses),
  sentAt: isoDate.nullable(),
  completedAt: isoDate.nullable(),
  version: z.int(),
  items: z.array(factItem),
});
export type FactRequest = z.infer<typeof factRequest>;

const choiceList = z.array(name(200)).max(20);
const itemFields = {
  topicId: uuid.nullable().optional(),
  question: name(2000),
  kind: z.enum(factKinds).default('text'),
  choices: choiceList.default([]),
  required: z.boolean().default(true),
  dueOn: localDate.nullable().optional(),
  contactId: uuid.nullable().optional().describe('The client contact it is for.'),
};
const choicesWhenChoice = (b: { kind?: string; choices?: string[] }) =>
  b.kind !== 'choice' || (b.choices?.length ?? 0) >= 2;
export const createFactItemBody = z
  .object(itemFields)
  .refine(choicesWhenChoice, { message: 'Give at least two choices', path: ['choices'] });
export const updateFactItemBody = z
  .object({
    topicId: itemFields.topicId,
    question: itemFields.question.optional(),
    kind: z.enum(factKinds).optional(),
    // Not itemFields.choices: its default would turn "not given" into "no choices".
    choices: choiceList.optional(),
    required: z.boolean().optional(),
    dueOn: itemFields.dueOn,
    contactId: itemFields.contactId,
    version: z.int().min(1),
  })
  .refine((b) => b.kind !== 'choice' || b.choices === undefined || b.choices.length >= 2, {
    message: 'Give at least two choices',
    path: ['choices'],
  });

export const factTemplate = z.object({
  id: uuid,
  rubricId: uuid,
  question: z.string(),
  kind: z.enum(factKinds),
  choices: z.array(z.string()),
  required: z.boolean(),
  position: z.number(),
  version: z.int(),
});
export type FactTemplate = z.infer<typeof factTemplate>;

export const createFactTemplateBody = z
  .object({
    question: itemFields.question,
    kind: itemFields.kind,
    choices: itemFields.choices,
    required: itemFields.required,
  })
  .refine(choicesWhenChoice, { message: 'Give at least two choices', path: ['choices'] });
export const updateFactTemplateBody = z
  .object({
    question: itemFields.question.optional(),
    kind: z.enum(factKinds).optional(),
    choices: choiceList.optional(),
    required: z.boolean().optional(),
    position: z.number().optional(),
    version: z.int().min(1),
  })
  .refine((b) => b.kind !== 'choice' || b.choices === undefined || b.choices.length >= 2, {
    message: 'Give at least two choices',
    path: ['choices'],
  });

/** What the client answered, by kind; "not available" with a reason is an answer too. */
export const factAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: text(20_000) }),
  z.object({ kind: z.literal('link'), url: text(2000) }),
  z.object({ kind: z.literal('date'), date: text(10) }),
  z.object({ kind: z.literal('choice'), choice: text(200) }),
  z.object({ kind: z.literal('files'), note: text(2000).default('') }),
  z.object({ kind: z.literal('not_available'), reason: text(2000) }),
]);
export type FactAnswer = z.infer<typeof factAnswer>;

export const factFile = z.object({
  id: uuid,
  itemId: uuid,
  name: z.string(),
  contentType: z.string(),
  size: z.int(),
  /** Images get an inline preview; everything else only downloads. */
  previewable: z.boolean(),
  uploadedBy: z.object({ id: uuid, name: z.string() }).nullable(),
  createdAt: isoDate,
});
export type FactFile = z.infer<typeof factFile>;

export const factMessage = z.object({
  id: uuid,
  itemId: uuid,
  side: z.enum(['agency', 'client']),
  author: z.object({ id: uuid, name: z.string() }).nullable(),
  body: z.string(),
  /** true: the agency asked a follow-up, which reopened the item. */
  followUp: z.boolean(),
  createdAt: isoDate,
});
export type FactMessage = z.infer<typeof factMessage>;

const person = z.object({ id: uuid, name: z.string() });

/** The answer part of an item: the submitted answer, and the client side's unsent draft. */
export const factItemAnswer = z.object({
  answer: factAnswer.nullable(),
  answeredBy: person.nullable(),
  answeredAt: isoDate.nullable(),
  /** Only the client side sees drafts: the agency sees answers once they are submitted. */
  draft: factAnswer.nullable(),
  draftBy: person.nullable(),
  draftAt: isoDate.nullable(),
  acceptedBy: person.nullable(),
  acceptedAt: isoDate.nullable(),
  firstAnsweredAt: isoDate.nullable(),
  answerVersion: z
    .int()
    .describe('Moves with every change of the answer, drafts included: the client side sends it.'),
  reviewVersion: z
    .int()
    .describe(
      'Moves when the submitted answer or its status changes: the agency sends it to accept or follow up.',
    ),
  files: z.array(factFile),
  messages: z.array(factMessage),
});

export const factItemFull = factItem.extend(factItemAnswer.shape);
export type FactItemFull = z.infer<typeof factItemFull>;

export const factTopicProgress = z.object({
  topicId: uuid,
  required: z.int(),
  accepted: z.int(),
  /** Every required item of this topic is accepted: the writer can start. */
  ready: z.boolean(),
});

export const factRequestFull = factRequest.extend({
  items: z.array(factItemFull),
  firstAnswerAt: isoDate.nullable(),
  progress: z.object({
    total: z.int(),
    answered: z.int().describe('Answered or accepted.'),
    accepted: z.int(),
    followUps: z.int(),
    overdue: z.int(),
  }),
  topics: z.array(factTopicProgress),
  abilities: z.object({
    edit: z.boolean(),
    send: z.boolean(),
    answer: z.boolean(),
    review: z.boolean(),
  }),
});
export type FactRequestFull = z.infer<typeof factRequestFull>;

export const saveDraftBody = z.object({ answer: factAnswer.nullable(), answerVersion: version });
export const submitAnswerBody = z.object({ answer: factAnswer, answerVersion: version });
export const acceptAnswerBody = z.object({ reviewVersion: version });
export const followUpBody = z.object({
  body: name(4000),
  reviewVersion: version,
  dueOn: localDate
    .optional()
    .describe(
      "A new due date (the client's local date, not in the past). Without it an item already past its due date gets three working days from today; any other keeps its date.",
    ),
});
export const factMessageBody = z.object({ body: name(4000) });

export const notification = z.object({
  id: uuid,
  kind: z.enum([
    'fact_request_sent',
    'fact_answered',
    'fact_follow_up',
    'fact_message',
    'fact_reminder',
    'fact_overdue',
    'fact_request_complete',
    'post_review',
    'post_internal_review',
    'post_changes_requested',
    'post_approved',
    'post_comment',
    'post_approval_due',
    'post_approval_overdue',
    // Issue 17: the client is told when the meeting goes live and when a fire-mode review opens.
    'meeting_live',
    'review_opened',
  ]),
  /** Names and counts the text is made from, already in the reader's language-free form. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string(),
  readAt: isoDate.nullable(),
  createdAt: isoDate,
});
export type Notification = z.infer<typeof notification>;

export const factRequestPage = z.object({
  request: factRequestFull,
  cycle: z.object({ id: uuid, month: z.string(), stage: z.string() }),
  client: z.object({ id: uuid, name: z.string(), timezone: z.string() }),
  /** The live room to listen in, for changes by the other side. */
  rooms: z.array(z.string()),
  /** The largest file this server takes, so the browser can say so before uploading. */
  maxUploadBytes: z.int(),
});
export type FactRequestPage = z.infer<typeof factRequestPage>;

/** What an autosave answers: the answer's new version and when the draft was kept (null: cleared). */
export const savedFactDraft = z.object({ answerVersion: z.int(), draftAt: z.string().nullable() });
export type SavedFactDraft = z.infer<typeof savedFactDraft>;

/** An emailed link opened: the contact is signed in, and this is the request to show. */

/** Send the request's email again: to the contacts named, or to every contact of the client. */
export const resendFactRequestBody = z.object({
  contactIds: z
    .array(uuid)
    .min(1)
    .max(100)
    .optional()
    .describe("The client's contacts to send it to; without it, every contact."),
});
export const resentFactRequest = z.object({
  sentTo: z.array(uuid).describe('Each got the email with a fresh link.'),
  skipped: z
    .array(uuid)
    .describe('Got it a few minutes ago, so not again now (when nobody is left: 429 instead).'),
});
export type ResentFactRequest = z.infer<typeof resentFactRequest>;
