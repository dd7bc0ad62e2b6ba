import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { topicVotes } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canVote } from '../../policies/meeting.ts';
import { checkTopicOfMeeting } from './meetingScope.ts';

/**
 * Set how many of my dots a topic has; 0 takes them back. A vote is set, never added: a request
 * retried after a dropped connection changes nothing. The budget is checked under the meeting's lock.
 */
export function putDotsOnTopic(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  meetingId: string,
  topicId: string,
  dots: number,
): Promise<void> {
  return transact(ctx, async (tx) => {
    const found = await loadMeetingForChange(tx, actor, meetingId, canVote);
    await checkTopicOfMeeting(tx, found, topicId);
    const [elsewhere] = await tx
      .select({ used: sql<number>`coalesce(sum(${topicVotes.dots}), 0)::int` })
      .from(topicVotes)
      .where(
        and(
          eq(topicVotes.meetingId, meetingId),
          eq(topicVotes.userId, actor.user.id),
          ne(topicVotes.topicId, topicId),
        ),
      );
    if ((elsewhere?.used ?? 0) + dots > found.meeting.voteBudget) {
      throw new AppError('vote_budget', {
        message: `You have ${found.meeting.voteBudget} votes and ${elsewhere?.used ?? 0} are on other topics.`,
      });
    }
    const key = and(
      eq(topicVotes.meetingId, meetingId),
      eq(topicVotes.topicId, topicId),
      eq(topicVotes.userId, actor.user.id),
    );
    if (dots === 0) await tx.delete(topicVotes).where(key);
    else {
      await tx
        .insert(topicVotes)
        .values({ meetingId, topicId, userId: actor.user.id, dots })
        .onConflictDoUpdate({
          target: [topicVotes.meetingId, topicVotes.topicId, topicVotes.userId],
          set: { dots },
        });
    }
    await recordMeetingEvent(tx, actor, found, 'meeting.voted', { topicId });
  });
}
