import type { DataArgs, EventAudienceRule, EventData, PostEventType } from '../../shared/events/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { type EventInput, recordEvent } from '../events/recordEvent.ts';
import type { PostInCycle } from './load.ts';

/** What a post event says besides its cycle and month (which this helper adds). */
export type PostEventData<T extends PostEventType> = Omit<EventData<T>, 'cycleId' | 'month'>;

/** A comment's events also say whether the comment is one of the agency's internal notes. */
type PostEventArgs<T extends PostEventType> =
  EventAudienceRule<T> extends 'sentPostOpenComment'
    ? [data: PostEventData<T>, internal: boolean]
    : DataArgs<PostEventData<T>>;

/**
 * Record a post's event. Until a version has gone to the client the post is the team's
 * draft: its events stay the team's (live and in the feed), and so do internal comments.
 */
export function recordPostEvent<T extends PostEventType>(
  tx: Executor,
  actor: Actor | null,
  { post, client, cycle }: Pick<PostInCycle, 'post' | 'client' | 'cycle'>,
  type: T,
  ...[data, internal]: PostEventArgs<T>
) {
  return recordEvent(tx, actor?.user ?? null, {
    agencyId: client.agencyId,
    clientId: client.id,
    type,
    subjectType: 'post',
    subjectId: post.id,
    data: { month: cycle.month, cycleId: cycle.id, ...data },
    state: internal === undefined ? post : { post, comment: { internal } },
    // One generic call stands for one member of the union; recordEvent checks the data at run time.
  } as EventInput);
}
