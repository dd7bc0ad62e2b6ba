import type { Reaction } from '../../../shared/roles.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { topicReactions } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canVote } from '../../policies/meeting.ts';
import { checkTopicOfMeeting } from './meetingScope.ts';

/** React to a topic. A reaction is on or off: reacting again changes nothing. */
export function reactToTopic(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  { meetingId, topicId, reaction }: { meetingId: string; topicId: string; reaction: Reaction },
): Promise<void> {
  return transact(ctx, async (tx) => {
    const found = await loadMeetingForChange(tx, actor, meetingId, canVote);
    await checkTopicOfMeeting(tx, found, topicId);
    await tx
      .insert(topicReactions)
      .values({ meetingId, topicId, userId: actor.user.id, reaction })
      .onConflictDoNothing();
    await recordMeetingEvent(tx, actor, found, 'meeting.reacted', { topicId });
  });
}
