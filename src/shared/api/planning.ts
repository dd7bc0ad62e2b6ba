import { z } from 'zod';
import { cadenceSkipReasons } from '../cadence.ts';
import { cycleStages, formats, topicSources, topicStatuses } from '../roles.ts';
import { isoDate, name, text, uuid, version } from './common.ts';
import { moveOwner, waiting } from './whoseMove.ts';

export const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-12')
  .describe('A month, YYYY-MM.');
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-05')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'Not a real date',
  )
  .describe("A date in the client's time zone, YYYY-MM-DD.");
export const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 10:00')
  .describe("A time in the client's time zone, HH:MM.");

export const stageDeadlines = z
  .object(
    Object.fromEntries(cycleStages.map((s) => [s, localDate.optional()])) as Record<
      (typeof cycleStages)[number],
      z.ZodOptional<typeof localDate>
    >,
  )
  .describe('Local date by which each stage should be done.');

export const cycle = z.object({
  id: uuid,
  clientId: uuid,
  month,
  stage: z.enum(cycleStages),
  owner: moveOwner,
  waiting,
  deadlines: stageDeadlines.describe(
    "Local date by which each stage should be done. A client contact is shown only the stages the client takes part in (meeting, facts): the agency's own stages (preparation, content, running) keep their deadlines to the agency.",
  ),
  overdue: z
    .boolean()
    .nullable()
    .describe(
      "The current stage's deadline has passed in the client's time zone. Null for a client contact while the stage is the agency's own.",
    ),
  shared: z.boolean().describe('Client contacts can see the plan.'),
  sharedAt: isoDate.nullable(),
  version: z.int(),
  counts: z.object({ slots: z.int(), slotsWithoutTopic: z.int(), topics: z.int() }),
  next: z
    .object({
      stage: z.enum(cycleStages),
      missing: z.array(z.string()).describe('What must be true before moving on; empty when it can move.'),
    })
    .nullable(),
  history: z.array(
    z.object({
      from: z.enum(cycleStages).nullable(),
      to: z.enum(cycleStages),
      actorName: z.string().nullable(),
      at: isoDate,
    }),
  ),
  abilities: z.object({
    update: z.boolean(),
    advance: z.boolean(),
    share: z.boolean(),
    editPlan: z.boolean(),
    addTopics: z.boolean(),
  }),
});
export type Cycle = z.infer<typeof cycle>;

export const startCycleBody = z.object({
  month,
  copyCadence: z.boolean().default(true).describe("Copy the previous month's cadence rules."),
});
export const updateCycleBody = z.object({ deadlines: stageDeadlines, version });
export const moveStageBody = z.object({ to: z.enum(cycleStages), version });

export const slot = z.object({
  id: uuid,
  cycleId: uuid,
  startsAt: isoDate,
  date: localDate,
  time: localTime,
  channelId: uuid,
  format: z.enum(formats),
  rubricId: uuid.nullable(),
  topicId: uuid.nullable(),
  version: z.int(),
});
export type Slot = z.infer<typeof slot>;
export const createSlotBody = z.object({
  date: localDate,
  time: localTime,
  channelId: uuid,
  format: z.enum(formats),
  rubricId: uuid.nullable().optional(),
});
export const updateSlotBody = createSlotBody.partial().extend({ version });
export const duplicateSlotBody = z.object({ date: localDate.optional(), time: localTime.optional() });
export const placeTopicBody = z.object({
  topicId: uuid.nullable().describe('The topic to put in the slot; null takes it out.'),
  version,
});

export const cadenceRule = z.object({
  id: uuid,
  channelId: uuid,
  format: z.enum(formats),
  weekdays: z.array(z.int().min(1).max(7)).describe('ISO weekdays, 1 = Monday.'),
  time: localTime,
  rubricId: uuid.nullable(),
});
export type CadenceRule = z.infer<typeof cadenceRule>;
export const putCadenceBody = z.object({
  rules: z
    .array(cadenceRule.omit({ id: true }).extend({ weekdays: z.array(z.int().min(1).max(7)).min(1).max(7) }))
    .max(50),
  version: version.describe("The cycle's version: two people saving the cadence at once cannot both win."),
});

export const cadencePreviewSlot = z.object({
  date: localDate,
  time: localTime,
  channelId: uuid,
  format: z.enum(formats),
  rubricId: uuid.nullable(),
  skipped: z
    .enum(cadenceSkipReasons)
    .nullable()
    .describe(
      'Why this slot would not be created: time_taken, its channel already has a slot then; format_not_offered, its channel no longer offers the rule’s format.',
    ),
});
export const cadencePreview = z.object({
  timezone: z.string().describe("The client's time zone the dates and times are in."),
  shared: z.boolean().describe('The plan is shared: the client will see the new slots.'),
  slots: z.array(cadencePreviewSlot),
});
export const appliedCadence = z.object({
  created: z.int(),
  skipped: z.int(),
  slots: z.array(slot).describe('The slots created; their ids undo the fill.'),
});
/**
 * As many as one fill can create (50 rules × 31 days), so an undo or a "select all" always fits
 * one request; every id is still checked against the plan.
 */
const slotIds = z
  .array(uuid)
  .min(1)
  .max(50 * 31)
  .refine((ids) => new Set(ids).size === ids.length, 'Each slot once');
export const undoCadenceBody = z.object({
  slotIds: slotIds.describe('The slots a fill created (its answer).'),
});
export const undoCadenceResult = z.object({
  removed: z.int(),
  kept: z
    .array(z.object({ slotId: uuid, reason: z.enum(['has_topic']) }))
    .describe('Slots of the fill left in place because a topic was put in them since.'),
});
export const deleteSlotsBody = z.object({ slotIds });

const tag = name(40);
export const topic = z.object({
  id: uuid,
  clientId: uuid,
  cycleId: uuid.nullable(),
  title: z.string(),
  angle: z.string(),
  rubricId: uuid.nullable(),
  channelId: uuid.nullable(),
  format: z.enum(formats).nullable(),
  source: z.enum(topicSources),
  status: z.enum(topicStatuses),
  authorName: z.string().nullable(),
  tags: z.array(z.string()),
  position: z.number(),
  slotId: uuid.nullable().describe('The slot it sits in, if any.'),
  reservedAt: isoDate.nullable(),
  version: z.int(),
  createdAt: isoDate,
});
export type Topic = z.infer<typeof topic>;
export const createTopicBody = z.object({
  title: name(300),
  angle: text(5000).default(''),
  rubricId: uuid.nullable().optional(),
  channelId: uuid.nullable().optional(),
  format: z.enum(formats).nullable().optional(),
  source: z.enum(topicSources).optional(),
  tags: z.array(tag).max(20).default([]),
});
export const updateTopicBody = z.object({
  title: name(300).optional(),
  angle: text(5000).optional(),
  rubricId: uuid.nullable().optional(),
  channelId: uuid.nullable().optional(),
  format: z.enum(formats).nullable().optional(),
  status: z
    .enum(['proposed', 'accepted', 'changed', 'dropped'])
    .optional()
    .describe('Parking goes through /park.'),
  tags: z.array(tag).max(20).optional(),
  position: z.number().finite().optional(),
  version,
});
export const pullTopicBody = z.object({ cycleId: uuid, version });
export const versionBody = z.object({ version });

export const reserveQuery = z.object({
  q: text(200).optional().describe('Text in the title, angle or tags.'),
  rubricId: uuid.optional(),
  tag: text(40).optional(),
  olderThanDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('In the reserve at least this long.'),
});

export const topicImportResult = z.object({
  encoding: z
    .enum(['utf-8', 'windows-1251'])
    .describe('How the file was read (cp1251 is detected for older Excel files).'),
  rows: z.array(
    z.object({
      line: z.int(),
      title: z.string(),
      angle: z.string(),
      rubricId: z.string().nullable(),
      date: z.string().nullable(),
    }),
  ),
  errors: z.array(z.object({ line: z.int(), column: z.string().optional(), message: z.string() })),
  created: z.int().optional().describe('Topics created (only when not a dry run and there were no errors).'),
});
export type TopicImportResult = z.infer<typeof topicImportResult>;

export const exportQuery = z.object({
  lang: z.enum(['uk', 'en']).optional().describe("Language of the file; defaults to the user's."),
});
/** The deck is made for the client to read: in its language, whoever downloads it. */
export const deckQuery = z.object({
  lang: z
    .enum(['uk', 'en'])
    .optional()
    .describe(
      "Language of the deck; defaults to the client's own (its language setting), whoever downloads it.",
    ),
});

export const holidaysQuery = z.object({ month, lang: z.enum(['uk', 'en']).default('uk') });
export const holiday = z.object({
  date: z.string(),
  name: z.string(),
  type: z
    .enum(['public', 'observance'])
    .describe(
      "'public': a public holiday by law, or the day off it moves to; 'observance': a notable day, no day off.",
    ),
  source: z.string().optional().describe('The legal act or page that establishes the day.'),
  url: z.string().optional(),
  note: z
    .enum(['mourning', 'remembrance'])
    .optional()
    .describe("'mourning': a day of mourning, no promotional posts; 'remembrance': a sober tone."),
});
export type Holiday = z.infer<typeof holiday>;

export const topicPass = z.object({
  cycleId: uuid,
  month,
  enteredAt: isoDate,
  leftAt: isoDate.nullable(),
  leftAs: z.string().nullable(),
});

/** A post of the plan that waits for the client's approval, and by when (posts/approvalDue.ts). */
const slotApproval = z.object({
  slotId: uuid,
  postId: uuid,
  approvalDue: z.string().describe('Local date by which the client should approve the post.'),
  atRisk: z.boolean().describe('The due date has passed and the post still waits for the client.'),
});
export type SlotApproval = z.infer<typeof slotApproval>;

export const plan = z.object({
  cycle,
  slots: z.array(slot),
  topics: z.array(topic),
  cadence: z.array(cadenceRule),
  approvals: z
    .array(slotApproval)
    .describe("The plan's posts in the client's review, each with its approval due date."),
  rooms: z.array(z.string()).describe('Live rooms to join for updates of this plan.'),
});
export type Plan = z.infer<typeof plan>;
