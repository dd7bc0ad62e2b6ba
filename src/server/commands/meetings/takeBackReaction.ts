import { and, eq } from 'drizzle-orm';
import type { Reaction } from '../../../shared/roles.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { topicReactions } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canVote } from '../../policies/meeting.ts';
import { checkTopicOfMeeting } from './meetingScope.ts';

/** Take a reaction back; taking back one that is not there changes nothing. */
export function takeBackReaction(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  { meetingId, topicId, reaction }: { meetingId: string; topicId: string; reaction: Reaction },
): Promise<void> {
  return transact(ctx, async (tx) => {
    const found = await loadMeetingForChange(tx, actor, meetingId, canVote);
    await checkTopicOfMeeting(tx, found, topicId);
    await tx
      .delete(topicReactions)
      .where(
        and(
          eq(topicReactions.meetingId, meetingId),
          eq(topicReactions.topicId, topicId),
          eq(topicReactions.userId, actor.user.id),
          eq(topicReactions.reaction, reaction),
        ),
      );
    await recordMeetingEvent(tx, actor, found, 'meeting.reacted', { topicId });
  });
}
