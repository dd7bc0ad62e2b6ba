import type { z } from 'zod';
import type { questionBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { meetingQuestions } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canContribute, sideOf } from '../../policies/meeting.ts';
import { checkTopicOfMeeting } from './meetingScope.ts';
import type { QuestionRow } from './questionScope.ts';

/**
 * Either side asks (about a topic of this month's plan, or in general); the other answers on
 * the spot, or it goes to the fact request with its topic.
 */
export function askQuestion(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  meetingId: string,
  input: z.output<typeof questionBody>,
): Promise<QuestionRow> {
  return transact(ctx, async (tx) => {
    const found = await loadMeetingForChange(tx, actor, meetingId, canContribute);
    if (input.topicId) await checkTopicOfMeeting(tx, found, input.topicId);
    const [row] = await tx
      .insert(meetingQuestions)
      .values({
        meetingId: found.meeting.id,
        topicId: input.topicId ?? null,
        text: input.text,
        askedById: actor.user.id,
        askedByName: actor.user.name,
        side: sideOf(actor, found.client),
      })
      .returning();
    await recordMeetingEvent(tx, actor, found, 'meeting.question_asked', { questionId: row!.id });
    return row!;
  });
}
