import { z } from 'zod';
import { clientRoles, cycleStages, formats, languages, networks } from '../roles.ts';
import { isoDate, name, timezone, uuid, version } from './common.ts';
import { moveOwner, waiting } from './whoseMove.ts';

const day = z.int().min(1).max(31);
/** Default deadlines of a new cycle: the day of the month before by which each stage is done. */
export const stageDays = z
  .object({ preparation: day, meeting: day, facts: day, content: day })
  .describe(
    'Day of the month before the planned one by which each stage should be done (31 = its last day).',
  );

/** Days before an item's due date, and days after it, on which the client is reminded of facts. */
export const factReminders = z
  .object({
    before: z.array(z.int().min(0).max(30)).max(5),
    after: z.array(z.int().min(1).max(60)).max(5),
  })
  .describe('Reminder days for fact request items: before the due date (0 = on the day) and overdue.');

/** Working days between a post's approval deadline and its publish day. */
const approvalLeadDays = z.int().min(0).max(20);

/** A month on the client's card: where it stands and whose move it is. */
const clientCycle = z.object({
  id: uuid,
  month: z.string().describe('YYYY-MM'),
  stage: z.enum(cycleStages),
  owner: moveOwner,
  waiting,
  deadline: z
    .string()
    .nullable()
    .describe(
      "The current stage's deadline, a local date. Null for a client contact while the stage is the agency's (preparation, content, running): those deadlines are the agency's own.",
    ),
  overdue: z
    .boolean()
    .nullable()
    .describe(
      "The current stage's deadline has passed. Null for a client contact while the stage is the agency's own.",
    ),
});

export const client = z.object({
  id: uuid,
  name: z.string(),
  timezone: z.string(),
  archived: z.boolean(),
  version: z.int(),
  createdAt: isoDate,
  currentCycle: clientCycle
    .nullable()
    .describe('The earliest cycle not yet closed (else the latest); null while the client has none.'),
  nextCycle: clientCycle
    .nullable()
    .describe(
      'The month after the current cycle, when it exists and you may see it (a client contact: once its plan is shared): the plan being prepared while the current month runs.',
    ),
  stageDays: stageDays
    .nullable()
    .describe(
      "The agency's default stage deadlines (day of the month before); null for a client contact: the agency's own schedule.",
    ),
  factReminders,
  postInternalReview: z
    .boolean()
    .nullable()
    .describe(
      "Posts pass the agency's internal review before the client sees them. The agency's own setting: null for a client contact.",
    ),
  coCreationSince: z
    .string()
    .nullable()
    .describe('The first month planned together (YYYY-MM); earlier months count as "before" in insights.'),
  language: z
    .enum(languages)
    .describe(
      "The client's language: the plan deck (PPTX, PDF) is made in it whoever downloads it, unless the download asks for another with ?lang=. Ukrainian unless the agency sets it.",
    ),
  approvalLeadDays: approvalLeadDays.describe(
    "A post sent for review is due this many working days before its publish day (weekends and the client's public holidays skipped). The client's own deadline, so both sides see it; the agency sets it.",
  ),
  counts: z.object({ channels: z.int(), rubrics: z.int(), contacts: z.int() }),
  abilities: z.object({ update: z.boolean(), archive: z.boolean(), manageContacts: z.boolean() }),
});
export type Client = z.infer<typeof client>;

export const createClientBody = z.object({ name: name(), timezone: timezone.default('Europe/Kyiv') });
export const updateClientBody = z.object({
  name: name().optional(),
  timezone: timezone.optional(),
  stageDays: stageDays.optional(),
  factReminders: factReminders.optional(),
  postInternalReview: z.boolean().optional(),
  approvalLeadDays: approvalLeadDays.optional(),
  language: z.enum(languages).optional(),
  coCreationSince: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-09')
    .nullable()
    .optional(),
  version,
});
export const listClientsQuery = z.object({
  archived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true lists archived clients instead of active ones.'),
});

export const channel = z.object({
  id: uuid,
  network: z.enum(networks),
  handle: z.string(),
  formats: z.array(z.enum(formats)),
  version: z.int(),
});
export type Channel = z.infer<typeof channel>;
export const createChannelBody = z.object({
  network: z.enum(networks),
  handle: name(100).describe('Account name or URL, e.g. @kyivcoffee.'),
  formats: z.array(z.enum(formats)).min(1).max(formats.length),
});
export const updateChannelBody = createChannelBody.partial().extend({ version });

export const rubric = z.object({ id: uuid, name: z.string(), color: z.string(), version: z.int() });
export type Rubric = z.infer<typeof rubric>;
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #3b82f6')
  .transform((v) => v.toLowerCase());
export const createRubricBody = z.object({ name: name(80), color });
export const updateRubricBody = createRubricBody.partial().extend({ version });

export const contact = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  role: z.enum(clientRoles),
  since: isoDate,
});
export type Contact = z.infer<typeof contact>;
export const updateContactBody = z.object({ role: z.enum(clientRoles) });

export const event = z.object({
  id: z.int(),
  type: z.string().describe('What happened, e.g. client.renamed, rubric.created.'),
  actorName: z.string().nullable(),
  subjectType: z.string(),
  subjectId: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: isoDate,
});
export type ActivityEvent = z.infer<typeof event>;
export const eventsQuery = z.object({
  before: z.coerce.number().int().positive().optional().describe('Return events older than this id.'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const clientParams = z.object({ clientId: uuid });
