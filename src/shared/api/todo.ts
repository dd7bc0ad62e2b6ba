import { z } from 'zod';
import { clientRoles, meetingFormats } from '../roles.ts';
import { isoDate, uuid } from './common.ts';
import { localDate, month } from './planning.ts';
import { moveOwner, waiting } from './whoseMove.ts';

export const todoPost = z.object({
  postId: uuid,
  cycleId: uuid,
  title: z.string().describe("The post's topic (empty when it has none)."),
  publishAt: isoDate.describe('When it goes out, as sent to the client.'),
  due: localDate.describe('Approve by this local date: N working days before it goes out.'),
  revision: z.int().describe('The version waiting: what an approval names.'),
  openComments: z.int().describe('Comments on it not resolved yet: bulk approval asks about these.'),
  canApprove: z
    .boolean()
    .describe(
      "You may approve it (an approver); false for a contributor: it waits for the client's approver.",
    ),
});

export const todoFactItem = z.object({
  itemId: uuid,
  requestId: uuid,
  question: z.string(),
  dueOn: localDate.nullable(),
  followUp: z.boolean().describe('The agency asked a follow-up question: reply in the thread.'),
  forYou: z.boolean().describe('Asked of you, or of no one in particular (false: of another contact).'),
});

export const todoClient = z.object({
  clientId: uuid,
  clientName: z.string(),
  timezone: z.string(),
  role: z.enum(clientRoles),
  months: z
    .array(z.object({ cycleId: uuid, month, owner: moveOwner, waiting }))
    .describe("The months on the client's card (current, then the next if shared) and whose move each is."),
  posts: z.array(todoPost).describe('Posts waiting for the client’s approval, earliest due first.'),
  factItems: z
    .array(todoFactItem)
    .describe('Fact items to answer or follow-ups to reply to, earliest due first.'),
  review: z
    .object({ meetingId: uuid, cycleId: uuid, due: localDate })
    .nullable()
    .describe('A fire-mode review open for your comments, due by its own date.'),
  meeting: z
    .object({
      meetingId: uuid,
      cycleId: uuid,
      format: z.enum(meetingFormats),
      startsAt: isoDate,
      live: z.boolean().describe('The room is open: join now.'),
    })
    .nullable()
    .describe('The next meeting, or the one live now.'),
});
export type TodoClient = z.infer<typeof todoClient>;
export type TodoPost = z.infer<typeof todoPost>;

export const todoList = z.object({
  clients: z
    .array(todoClient)
    .describe('Each client you are a contact of, by name; empty lists when nothing waits.'),
});
