import { z } from 'zod';

/**
 * What can wait for a client contact. Whenever one of these waits, the move is the client's
 * (`server/planning/whoseMove.ts`).
 */
export const clientWaitKinds = [
  'posts_to_approve',
  'fact_items',
  'fact_follow_ups',
  'review',
  'meeting_live',
] as const;

/** What can wait for the agency, named so the screen can say "the agency's: send the fact request". */
export const agencyWaitKinds = [
  'prepare_plan',
  'share_plan',
  'schedule_meeting',
  'hold_meeting',
  'open_review',
  'send_fact_request',
  'review_fact_answers',
  'write_posts',
  'revise_posts',
  'publish_posts',
] as const;

export type ClientWaitKind = (typeof clientWaitKinds)[number];
export type AgencyWaitKind = (typeof agencyWaitKinds)[number];
export type WaitKind = ClientWaitKind | AgencyWaitKind;

export const moveOwners = ['client', 'agency', 'nobody'] as const;
export type MoveOwner = (typeof moveOwners)[number];

export const wait = z.object({
  kind: z
    .enum([...clientWaitKinds, ...agencyWaitKinds])
    .describe(
      'What waits. For the client: posts_to_approve, fact_items (to answer), fact_follow_ups (to reply to), review (a fire-mode review open), meeting_live. For the agency: prepare_plan, share_plan, schedule_meeting, hold_meeting, open_review, send_fact_request, review_fact_answers, write_posts, revise_posts, publish_posts.',
    ),
  count: z
    .int()
    .nullable()
    .describe(
      "How many things wait; null when it is not a count, or when it would tell a client contact about the agency's work in progress (unsent drafts).",
    ),
  due: z
    .string()
    .nullable()
    .describe(
      "The earliest local date (YYYY-MM-DD, client's time zone) by which it is due: for posts their approval due date, for a fire-mode review the review's own deadline, for the agency's moves its stage deadline (never shown to a client contact); null when none.",
    ),
});
export type Wait = z.infer<typeof wait>;

export const moveOwner = z
  .enum(moveOwners)
  .describe(
    "Whose move it is, from what actually waits: the client's whenever something waits for a client contact (posts in client review, fact items or follow-ups to answer, a fire-mode review open, a meeting live); nobody for a closed month; otherwise the agency's.",
  );

export const waiting = z
  .array(wait)
  .describe(
    "What waits for the side whose move it is (see owner), most pressing first; empty for nobody's move.",
  );
