import { and, eq } from 'drizzle-orm';
import type { MeetingSummary } from '../../../shared/api/meetings.ts';
import { localParts } from '../../../shared/time.ts';
import type { Actor } from '../../auth/actor.ts';
import { readNotes } from '../../collab/notesText.ts';
import type { Context } from '../../context.ts';
import { factRequests, meetings, topics } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { summaryText } from '../../exports/summaryText.ts';
import { draftFactRequest } from '../../facts/draft.ts';
import { recordFactEvent } from '../../facts/event.ts';
import { transact } from '../../live/transact.ts';
import { decide } from '../../meetings/decide.ts';
import { recordMeetingEvent } from '../../meetings/event.ts';
import type { MeetingInCycle } from '../../meetings/load.ts';
import { mailSummary } from '../../meetings/mail.ts';
import { notesDocument } from '../../meetings/notesAccess.ts';
import { closeMeetingNotifications } from '../../meetings/notify.ts';
import { summarize } from '../../meetings/summarize.ts';
import { monthName } from '../../planning/monthNames.ts';
import { moveCycleStage } from '../../planning/moveCycleStage.ts';
import { meetingToRun } from './meetingScope.ts';

/**
 * End the meeting (or close the fire-mode review), all in one transaction: topics nobody
 * decided on are accepted (when the facilitator says so; otherwise they block the end), the
 * summary is frozen, the fact request is drafted, the cycle moves to facts. Then the room and
 * its notes close and the summary is mailed to both sides.
 */
export async function endMeeting(
  ctx: Context,
  actor: Actor,
  meetingId: string,
  input: { version: number; acceptUndecided: boolean },
): Promise<MeetingInCycle> {
  // The notes as stored: every edit a browser saw acknowledged is already in the database.
  const notes = await readNotes(ctx, meetingId);
  const found = await transact(ctx, async (tx) => {
    const found = await meetingToRun(tx, actor, meetingId, input.version);
    if (found.meeting.status !== 'live') throw new AppError('meeting_not_live');
    const undecided = await tx
      .select()
      .from(topics)
      .where(and(eq(topics.cycleId, found.cycle.id), eq(topics.status, 'proposed')));
    if (undecided.length > 0 && !input.acceptUndecided) {
      throw new AppError('stage_blocked', {
        message: `${undecided.length} topics have no decision yet.`,
        fields: { to: 'topics_undecided' },
      });
    }
    for (const t of undecided) {
      await decide(tx, actor, found, {
        topicId: t.id,
        kind: 'accept',
        note: '',
        topicVersion: t.version,
      });
    }
    // One moment for the end, in the summary and on the meeting alike.
    const endedAt = new Date();
    const summary = await summarize(tx, found, notes.paragraphs, endedAt);
    // While it is fresh: the draft of what the agency needs from the client for these topics.
    const requestId = await draftFactRequest(tx, found);
    const [drafted] = await tx.select().from(factRequests).where(eq(factRequests.id, requestId));
    await recordFactEvent(tx, actor, { ...found, request: drafted! }, 'fact_request.drafted');
    const cycle = await moveCycleStage(tx, actor, found, 'facts', found.cycle.version);
    const [row] = await tx
      .update(meetings)
      .set({
        status: 'ended',
        endedAt,
        timer: null,
        summary,
        version: found.meeting.version + 1,
      })
      .where(eq(meetings.id, found.meeting.id))
      .returning();
    const ended = { ...found, cycle, meeting: row! };
    await recordMeetingEvent(tx, actor, ended, 'meeting.ended', {});
    await closeMeetingNotifications(tx, found.meeting.id);
    return ended;
  });
  ctx.meetingRooms.changed(found.meeting.id);
  // The notes are frozen in the summary: open editors of them are closed in every process.
  ctx.live.publishControl('collab-close', notesDocument(found.meeting.id));
  const s = found.meeting.summary as unknown as MeetingSummary;
  const { meeting, client } = found;
  const at = (d: Date) => localParts(d, client.timezone);
  const ran = (language: 'uk' | 'en') =>
    summaryText(language).happened(
      at(meeting.startedAt ?? meeting.startsAt),
      at(meeting.endedAt ?? new Date()),
      client.timezone,
      meeting.format,
    );
  await mailSummary(ctx, found, {
    link: `${ctx.env.publicUrl}/meetings/${found.meeting.id}`,
    clientName: found.client.name,
    monthUk: monthName(found.cycle.month, 'uk'),
    monthEn: monthName(found.cycle.month, 'en'),
    agreed: s.agreed.length,
    parked: s.parked.length,
    dropped: s.dropped.length,
    ideas: s.ideas.length,
    openQuestions: s.questions.filter((q) => q.status === 'for_facts').length,
    fireMode: s.fireMode,
    happened: { uk: ran('uk'), en: ran('en') },
    participants: s.participants.map((p) => p.name),
    absent: (s.absent ?? []).map((p) => p.name),
  });
  return found;
}
