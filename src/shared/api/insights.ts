import { z } from 'zod';
import { cycleStages } from '../roles.ts';
import { storable, uuid } from './common.ts';

/**
 * One client's one month in numbers. Every figure is computed from what Plit recorded (or, for
 * a month before Plit, imported from the agency's spreadsheet: then only the post figures
 * exist and the rest are null).
 */
export const monthFigures = z.object({
  postsPlanned: z.int().describe('Slots of the month, not counting situational posts added during it.'),
  postsPublished: z.int().describe('Posts marked as published.'),
  postsApproved: z.int().describe('Posts the client approved (published ones included).'),
  approvedFirstRound: z.int().describe('Approved posts approved in round 1: no changes asked.'),
  firstRoundShare: z
    .number()
    .nullable()
    .describe('approvedFirstRound / postsApproved; null with none approved.'),
  averageRounds: z
    .number()
    .nullable()
    .describe('Average revision rounds per post sent to the client (1 = approved as first written).'),
  revisionRounds: z.int().describe('Rounds after the first, summed over the posts: the revision work.'),
  situational: z.int(),
  replacements: z.int(),
  rewrites: z.int(),
  covered: z.int().describe('Unplanned changes a prepared contingency covered.'),
  topics: z
    .object({
      proposed: z.int(),
      accepted: z.int(),
      parked: z.int(),
      dropped: z.int(),
      fromClient: z.int(),
      fromMeeting: z.int(),
      fromReserve: z.int().describe('Topics pulled in from the reserve.'),
      reserveSize: z
        .int()
        .describe(
          "Topics waiting in the client's reserve at the month's end. For a client contact, only those it may see: its own ideas and topics of plans shared with it.",
        ),
    })
    .nullable(),
  factTurnaroundDays: z
    .number()
    .nullable()
    .describe('Days from sending the fact request to its completion (every required item accepted).'),
  factItemsOverdue: z
    .int()
    .nullable()
    .describe('Items answered after their due date, or still open past it.'),
  approvalTurnaroundHours: z
    .number()
    .nullable()
    .describe(
      "Median hours from sending a post's version to the client to their approval of it; null with none approved.",
    ),
  approvalsOverdue: z
    .int()
    .nullable()
    .describe(
      "Posts approved after their approval due date (the client's lead in working days before publication), or still waiting past it; null with no post sent.",
    ),
  deadlines: z
    .object({ met: z.int(), missed: z.int() })
    .nullable()
    .describe(
      "Stages finished by their deadline (the client’s local date) or after it. For a client contact, only the stages it takes part in (meeting, facts): the agency's own stages are the agency's.",
    ),
  meeting: z.enum(['held', 'fire_mode', 'none']).nullable(),
});
export type MonthFigures = z.infer<typeof monthFigures>;

export const insightMonth = z.object({
  month: z.string().describe('YYYY-MM'),
  /** Before the client started co-creating in Plit: imported, or before its start month. */
  before: z.boolean(),
  partial: z
    .boolean()
    .describe(
      "The month has not ended yet in the client's time zone (the current month, or a later one planned ahead): its figures are incomplete, and averages and before/since comparisons leave it out.",
    ),
  source: z.enum(['plit', 'imported']),
  stage: z.enum(cycleStages).nullable(),
  cycleId: uuid.nullable(),
  figures: monthFigures,
});
export type InsightMonth = z.infer<typeof insightMonth>;

/** A client contact is answered only the months whose plan was shared with it. */
export const clientInsights = z.object({
  clientId: uuid,
  clientName: z.string(),
  timezone: z.string(),
  coCreationSince: z.string().nullable().describe('The first month planned together (YYYY-MM).'),
  months: z.array(insightMonth),
});
export type ClientInsights = z.infer<typeof clientInsights>;

/** The agency's view: each client's months side by side, for comparing and for "where revision time goes". */
export const agencyInsights = z.object({
  months: z.array(z.string()).describe('The months shown, oldest first (YYYY-MM).'),
  clients: z.array(
    z.object({
      clientId: uuid,
      clientName: z.string(),
      coCreationSince: z.string().nullable(),
      months: z.array(insightMonth),
    }),
  ),
});
export type AgencyInsights = z.infer<typeof agencyInsights>;

export const insightsQuery = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .describe('First month (YYYY-MM); defaults to 12 months back.'),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .describe('Last month (YYYY-MM); defaults to the current one.'),
});

/** The downloads take the same months, and the language of the file (the user's by default). */
export const insightsExportQuery = insightsQuery.extend({ lang: z.enum(['uk', 'en']).optional() });

export const insightsReportQuery = z.object({
  month: storable().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-10'),
  lang: z.enum(['uk', 'en']).optional(),
});

export const historyImportResult = z.object({
  rows: z.array(
    z.object({
      line: z.int(),
      month: z.string(),
      postsPlanned: z.int(),
      postsPublished: z.int(),
      postsApproved: z.int(),
      approvedFirstRound: z.int(),
      revisionRounds: z.int(),
      situational: z.int(),
      replacements: z.int(),
      rewrites: z.int(),
    }),
  ),
  errors: z.array(z.object({ line: z.int(), column: z.string().optional(), message: z.string() })),
  imported: z
    .int()
    .optional()
    .describe('Months imported (only when not a dry run and there were no errors).'),
});
