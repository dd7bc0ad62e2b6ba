import type { z } from 'zod';
import { isInternalMove, type PostStatus } from '../posts/statuses.ts';
import { type CycleStage, type factRequestStatuses, stageOwners } from '../roles.ts';

/**
 * Who may see an event: `team` is the agency's people only (its desk: drafts, settings, emails);
 * `everyone` adds the client's contacts. Stored on each event row; the activity feed and the
 * live rooms both read it.
 */
export const audiences = ['team', 'everyone'] as const;
export type Audience = (typeof audiences)[number];

/** Every setting of a client a contact sees as it is; the rest (deadlines, reminders…) is the agency's. */
const clientFacingSettings = new Set(['name', 'timezone']);

/**
 * Rules that decide an event's audience from the state of its subject at the moment it is
 * recorded (the first argument, which `recordEvent` requires for exactly these events) and,
 * where it says so, from the event's own data.
 */
export const audienceRules = {
  /** A change of a plan: the client's contacts see the plan (and hear of it) once it is shared. */
  sharedPlan: (cycle: { sharedAt: Date | string | null }): Audience => (cycle.sharedAt ? 'everyone' : 'team'),
  /**
   * New stage deadlines of a plan: the client's once the plan is shared, if they are only of the
   * stages the client takes part in. The deadlines of the agency's own stages (preparation,
   * content, running) are its internal marks; the command records them as an event of their own.
   */
  sharedClientDeadlines: (
    cycle: { sharedAt: Date | string | null },
    data: { deadlines: Partial<Record<CycleStage, string>> },
  ): Audience =>
    cycle.sharedAt &&
    Object.keys(data.deadlines).every((stage) => stageOwners[stage as CycleStage] !== 'agency')
      ? 'everyone'
      : 'team',
  /**
   * A slot's new place (date, time, channel…) in a shared plan, unless the slot holds a post
   * sent to the client and the new time is not the sent version's: a contact knows that post,
   * its publish time included, as it was sent (the plan shows it there: `slotsAsShown`), so the
   * move is the agency's unsent change until the next version goes out, and the client then
   * hears of it through the post's own events. A slot without a sent post is the shared plan
   * itself: its moves are shared live.
   */
  sharedSlotPlace: (slot: {
    sharedAt: Date | string | null;
    startsAt: Date | string;
    /** The publish time of the version the client was sent of the post in the slot, if any. */
    sentPublishAt: Date | string | null;
  }): Audience =>
    slot.sharedAt &&
    (slot.sentPublishAt === null ||
      new Date(slot.sentPublishAt).getTime() === new Date(slot.startsAt).getTime())
      ? 'everyone'
      : 'team',
  /** A fact request is the agency's draft until it is sent; from then on both sides follow it. */
  sentFactRequest: (request: { status: (typeof factRequestStatuses)[number] }): Audience =>
    request.status === 'draft' ? 'team' : 'everyone',
  /** A post is the team's draft until a version of it has gone to the client. */
  sentPost: (post: { revision: number }): Audience => (post.revision > 0 ? 'everyone' : 'team'),
  /**
   * A post's move, once a version has gone to the client, unless it is one of the agency's
   * internal moves (to internal review and back to draft): the client knows the post as sent.
   */
  sentPostMove: (post: { revision: number }, data: { from: PostStatus; to: PostStatus }): Audience =>
    post.revision > 0 && !isInternalMove(data.from, data.to) ? 'everyone' : 'team',
  /** A comment on a sent post, unless it is one of the agency's internal review notes. */
  sentPostOpenComment: (state: { post: { revision: number }; comment: { internal: boolean } }): Audience =>
    state.post.revision > 0 && !state.comment.internal ? 'everyone' : 'team',
  /** A client's settings: renames and time zones are news to its contacts, the agency's settings are not. */
  clientFacingChange: (_: undefined, data: { changes: Record<string, unknown> }): Audience =>
    Object.keys(data.changes).every((key) => clientFacingSettings.has(key)) ? 'everyone' : 'team',
} as const;

export type AudienceRuleName = keyof typeof audienceRules;

/** What the catalogue says of one event type: its subject, its data and who may see it. */
export interface EventDefinition<
  Subject extends string = string,
  Data extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>,
  Rule extends Audience | AudienceRuleName = Audience | AudienceRuleName,
> {
  /** What `subjectType`/`subjectId` of the row point at. */
  subject: Subject;
  data: Data;
  /** A fixed audience, or the name of the rule in `audienceRules` that decides it. */
  audience: Rule;
}

export const defineEvent = <
  const Subject extends string,
  Data extends z.ZodType<Record<string, unknown>>,
  const Rule extends Audience | AudienceRuleName,
>(
  subject: Subject,
  data: Data,
  audience: Rule,
): EventDefinition<Subject, Data, Rule> => ({ subject, data, audience });
