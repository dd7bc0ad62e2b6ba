import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Executor } from '../../db/connect.ts';
import { topics } from '../../db/schema/index.ts';
import { notFound, staleVersion } from '../../errors.ts';
import { loadMeetingForChange, type MeetingInCycle } from '../../meetings/load.ts';
import { canRunMeeting } from '../../policies/meeting.ts';

const runs = (actor: Actor, client: MeetingInCycle['client'], cycle: MeetingInCycle['cycle']) =>
  canRunMeeting(actor, client, cycle);

/** Load, check and lock a meeting the agency runs; the version must match when given. */
export async function meetingToRun(tx: Executor, actor: Actor, meetingId: string, version?: number) {
  const found = await loadMeetingForChange(tx, actor, meetingId, runs);
  if (version !== undefined && found.meeting.version !== version) throw staleVersion();
  return found;
}

/** A vote, a reaction or a question may point at a topic of this month's plan only (404 otherwise). */
export async function checkTopicOfMeeting(tx: Executor, found: MeetingInCycle, topicId: string) {
  const [topic] = await tx
    .select({ id: topics.id })
    .from(topics)
    .where(and(eq(topics.id, topicId), eq(topics.cycleId, found.cycle.id)));
  if (!topic) throw notFound();
}
