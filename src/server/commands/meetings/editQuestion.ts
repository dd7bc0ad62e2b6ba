import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateQuestionBody } from '../../../shared/api/meetings.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { meetingQuestions } from '../../db/schema/index.ts';
import { transact } from '../../live/transact.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import { checkTopicOfMeeting } from './meetingScope.ts';
import { type QuestionRow, questionForChange } from './questionScope.ts';

/** Answer a question, mark it for the fact request, or correct it (a stale version answers 409). */
export function editQuestion(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  actor: Actor,
  questionId: string,
  input: z.output<typeof updateQuestionBody>,
): Promise<QuestionRow> {
  return transact(ctx, async (tx) => {
    const { found, row: current } = await questionForChange(tx, actor, questionId, input.version);
    const { version, ...changes } = input;
    if (changes.topicId) await checkTopicOfMeeting(tx, found, changes.topicId);
    // Writing an answer answers it, unless the person says otherwise.
    const status = changes.status ?? (changes.answer ? 'answered' : current.status);
    const answering = changes.answer !== undefined && changes.answer !== current.answer;
    const [row] = await tx
      .update(meetingQuestions)
      .set({
        ...changes,
        status,
        ...(answering ? { answeredByName: actor.user.name, answeredAt: new Date() } : {}),
        version: version + 1,
      })
      .where(eq(meetingQuestions.id, current.id))
      .returning();
    await recordMeetingEvent(tx, actor, found, 'meeting.question_changed', {
      questionId: current.id,
      status,
    });
    return row!;
  });
}
