import { z } from 'zod';
import {
  agendaKinds,
  decisionKinds,
  meetingFormats,
  meetingStatuses,
  questionStatuses,
  reactions,
  sides,
} from '../roles.ts';
import { isoDate, name, storable, uuid, version } from './common.ts';
import { localDate, localTime, topic } from './planning.ts';

export const meetingParams = z.object({ meetingId: z.uuid() });

export const agendaItem = z.object({
  id: uuid,
  kind: z.enum(agendaKinds),
  title: z.string().describe('Empty for the standard items: the app shows their translated name.'),
  minutes: z.int(),
  position: z.number(),
  version: z.int(),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const participant = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  side: z.enum(sides),
  invitedAt: isoDate.nullable(),
});

export const focus = z.object({
  itemId: uuid.nullable(),
  topicId: uuid.nullable(),
  byName: z.string().nullable(),
  at: isoDate,
});

export const timer = z.object({
  itemId: uuid,
  endsAt: isoDate.nullable().describe("While running, when it ends by the server's clock."),
  remainingMs: z.int().describe('While paused, what is left.'),
});

export const decision = z.object({
  id: uuid,
  topicId: uuid,
  kind: z.enum(decisionKinds),
  note: z.string(),
  slotId: uuid.nullable(),
  decidedByName: z.string().nullable(),
  side: z.enum(sides),
  createdAt: isoDate,
});
export type Decision = z.infer<typeof decision>;

export const question = z.object({
  id: uuid,
  topicId: uuid.nullable(),
  text: z.string(),
  askedByName: z.string().nullable(),
  side: z.enum(sides),
  status: z.enum(questionStatuses),
  answer: z.string(),
  answeredByName: z.string().nullable(),
  answeredAt: isoDate.nullable(),
  version: z.int(),
  createdAt: isoDate,
});
export type Question = z.infer<typeof question>;

export const reviewComment = z.object({
  id: uuid,
  subjectType: z.enum(['topic', 'slot']),
  subjectId: uuid,
  body: z.string(),
  verdict: z.enum(['accept', 'changes']).nullable(),
  authorName: z.string().nullable(),
  side: z.enum(sides),
  createdAt: isoDate,
});
export type ReviewComment = z.infer<typeof reviewComment>;

export const topicTally = z.object({
  topicId: uuid,
  dots: z.int().describe("Everyone's dots on this topic."),
  myDots: z.int(),
  reactions: z.partialRecord(z.enum(reactions), z.int()),
  myReactions: z.array(z.enum(reactions)),
});

export const summary = z.object({
  startedAt: isoDate
    .nullable()
    .optional()
    .describe(
      'When the meeting (or the review) actually started; absent from summaries kept before it was recorded.',
    ),
  endedAt: isoDate.describe('When it actually ended.'),
  fireMode: z.boolean(),
  agreed: z.array(
    z.object({
      topicId: uuid,
      title: z.string(),
      status: z.string(),
      change: z.string(),
      slot: z
        .object({ date: z.string(), time: z.string(), channel: z.string(), format: z.string() })
        .nullable(),
      votes: z.int(),
    }),
  ),
  parked: z.array(z.object({ topicId: uuid, title: z.string(), note: z.string() })),
  dropped: z.array(z.object({ topicId: uuid, title: z.string(), note: z.string() })),
  ideas: z.array(z.object({ topicId: uuid, title: z.string(), authorName: z.string().nullable() })),
  plans: z.array(
    z.object({
      title: z.string(),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      likelihood: z.string(),
      notes: z.string(),
      contingencies: z.array(
        z.object({
          concept: z.string(),
          trigger: z.string(),
          channel: z.string().nullable(),
          format: z.string().nullable(),
        }),
      ),
    }),
  ),
  questions: z.array(
    z.object({
      text: z.string(),
      status: z.enum(questionStatuses),
      answer: z.string(),
      topicTitle: z.string().nullable(),
    }),
  ),
  comments: z.array(
    z.object({
      subject: z.string(),
      body: z.string(),
      verdict: z.string().nullable(),
      authorName: z.string().nullable(),
    }),
  ),
  notes: z.array(z.string()),
  participants: z
    .array(z.object({ name: z.string(), side: z.enum(sides) }))
    .describe(
      'Who was there: joined the room while it was live, or decided or commented while it was on. (Summaries kept before this was recorded list the invitees.)',
    ),
  absent: z
    .array(z.object({ name: z.string(), side: z.enum(sides) }))
    .optional()
    .describe('Invited, did not come; absent from summaries kept before presence was recorded.'),
});
export type MeetingSummary = z.infer<typeof summary>;

export const meeting = z.object({
  id: uuid,
  cycleId: uuid,
  clientId: uuid,
  format: z.enum(meetingFormats),
  fireMode: z.boolean().describe('An async review instead of a meeting: the exception.'),
  status: z.enum(meetingStatuses),
  date: localDate.describe('Meeting day (or the review deadline) in the client time zone.'),
  time: localTime,
  startsAt: isoDate,
  durationMinutes: z.int(),
  callLink: z.string().nullable(),
  place: z.string().nullable(),
  voteBudget: z.int(),
  facilitatorId: uuid.nullable(),
  facilitatorName: z.string().nullable(),
  focus: focus.nullable(),
  timer: timer.nullable(),
  startedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  version: z.int(),
  participants: z.array(participant),
  agenda: z.array(agendaItem),
  tallies: z.array(topicTally),
  decisions: z.array(decision).describe('Every decision, oldest first; the latest per topic is in force.'),
  parkedTopics: z
    .array(topic)
    .describe('Topics this meeting sent to the reserve: no longer in the plan, still part of the story.'),
  questions: z.array(question),
  comments: z.array(reviewComment),
  summary: summary.nullable(),
  serverNow: isoDate.describe("The server's clock, so a browser with a skewed clock shows timers right."),
  abilities: z.object({
    run: z.boolean(),
    contribute: z.boolean(),
    vote: z.boolean(),
    decide: z.boolean(),
    focus: z.boolean(),
    comment: z.boolean(),
  }),
});
export type Meeting = z.infer<typeof meeting>;

const link = z.url({ protocol: /^https?$/ }).max(2000);

export const scheduleMeetingBody = z
  .object({
    format: z.enum(meetingFormats),
    date: localDate,
    time: localTime.default('10:00'),
    durationMinutes: z
      .int()
      .min(15)
      .max(8 * 60)
      .default(90),
    callLink: link.nullable().optional(),
    place: storable().trim().max(300).nullable().optional(),
    voteBudget: z.int().min(0).max(20).default(3),
    participantIds: z.array(uuid).max(100).default([]).describe('People of both sides to invite.'),
  })
  .refine((b) => b.format !== 'offline' || !!b.place, { message: 'Say where you meet', path: ['place'] });

export const updateMeetingBody = z.object({
  date: localDate.optional(),
  time: localTime.optional(),
  durationMinutes: z
    .int()
    .min(15)
    .max(8 * 60)
    .optional(),
  callLink: link.nullable().optional(),
  place: storable().trim().max(300).nullable().optional(),
  voteBudget: z.int().min(0).max(20).optional(),
  participantIds: z.array(uuid).max(100).optional(),
  version,
});

export const meetingVersionBody = z.object({ version });

export const endMeetingBody = z.object({
  version,
  acceptUndecided: z
    .boolean()
    .default(false)
    .describe('Topics nobody decided on are accepted as they are; without it, they block the end.'),
});

export const facilitatorBody = z.object({ userId: uuid, version });

export const timerBody = z.object({
  action: z.enum(['start', 'pause', 'resume', 'reset']),
  itemId: uuid,
  minutes: z
    .number()
    .min(0.5)
    .max(240)
    .optional()
    .describe("Start: how long; defaults to the item's time box."),
});

export const createAgendaItemBody = z.object({
  kind: z.enum(agendaKinds).default('other'),
  title: storable().trim().max(200).default(''),
  minutes: z.int().min(1).max(240),
  after: uuid.nullable().optional().describe('Put it after this item; at the end when left out.'),
});
export const updateAgendaItemBody = z.object({
  title: storable().trim().max(200).optional(),
  minutes: z.int().min(1).max(240).optional(),
  position: z.number().optional(),
  version,
});

export const voteBody = z.object({
  dots: z
    .int()
    .min(0)
    .max(20)
    .describe('How many of your dots this topic gets (sets, not adds: a retry never counts twice).'),
});
export const voteParams = z.object({ meetingId: z.uuid(), topicId: z.uuid() });
export const reactionParams = z.object({
  meetingId: z.uuid(),
  topicId: z.uuid(),
  reaction: z.enum(reactions),
});

export const ideaBody = z.object({
  title: name(300),
  angle: storable().trim().max(5000).default(''),
  rubricId: uuid.nullable().optional(),
});

export const decisionBody = z
  .object({
    topicId: uuid,
    kind: z.enum(decisionKinds),
    note: storable().trim().max(5000).default(''),
    slotId: uuid.nullable().optional().describe('For "move": the slot the topic goes to.'),
    topicVersion: version.describe('The version of the topic you saw.'),
  })
  .refine((b) => b.kind !== 'change' || b.note.length > 0, { message: 'Say what changes', path: ['note'] })
  .refine((b) => b.kind !== 'move' || !!b.slotId, { message: 'Choose the slot', path: ['slotId'] });

export const questionBody = z.object({
  text: name(2000),
  topicId: uuid.nullable().optional(),
});
export const updateQuestionBody = z.object({
  text: name(2000).optional(),
  answer: storable().trim().max(5000).optional(),
  status: z.enum(questionStatuses).optional(),
  topicId: uuid.nullable().optional(),
  version,
});

export const commentBody = z
  .object({
    subjectType: z.enum(['topic', 'slot']),
    subjectId: uuid,
    body: storable().trim().max(5000).default(''),
    verdict: z.enum(['accept', 'changes']).nullable().optional(),
  })
  .refine((b) => b.body.length > 0 || !!b.verdict, { message: 'Write a comment', path: ['body'] });

export const summaryPdfQuery = z.object({
  lang: z.enum(['uk', 'en']).optional().describe("Language of the file; defaults to the user's."),
});
