import { eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { meetingQuestions } from '../../db/schema/index.ts';
import { notFound, staleVersion } from '../../errors.ts';
import { loadMeetingForChange } from '../../meetings/load.ts';
import { canContribute } from '../../policies/meeting.ts';

export type QuestionRow = typeof meetingQuestions.$inferSelect;

/** Lock a question for a change, after its meeting; a stale version answers 409. */
export async function questionForChange(tx: Executor, actor: Actor, id: string, version: number) {
  const [ref] = await tx
    .select({ meetingId: meetingQuestions.meetingId })
    .from(meetingQuestions)
    .where(eq(meetingQuestions.id, id));
  if (!ref) throw notFound();
  const found = await loadMeetingForChange(tx, actor, ref.meetingId, canContribute);
  const [row] = await tx.select().from(meetingQuestions).where(eq(meetingQuestions.id, id)).for('update');
  if (!row) throw notFound();
  if (row.version !== version) throw staleVersion();
  return { found, row };
}
