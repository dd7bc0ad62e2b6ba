import type { MeetingSummary } from '../../shared/api/meetings.ts';
import { localParts } from '../../shared/time.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { summaryText } from '../exports/summaryText.ts';
import { monthName } from '../planning/monthNames.ts';
import { loadMeeting } from './load.ts';

/**
 * What a meeting left behind, as a file to keep and print: whoever sees the meeting may
 * download it, in their language unless they ask for the other.
 */
export async function meetingSummaryPdf(
  db: Executor,
  actor: Actor,
  meetingId: string,
  lang?: 'uk' | 'en',
): Promise<{ fileName: string; pdf: Buffer }> {
  const language = lang ?? (actor.user.locale === 'en' ? 'en' : 'uk');
  const { meeting, cycle, client } = await loadMeeting(db, actor, meetingId);
  if (meeting.status !== 'ended' || !meeting.summary) {
    throw new AppError('conflict', { message: 'The summary is there once the meeting has ended.' });
  }
  const local = localParts(meeting.startsAt, client.timezone);
  const summary = meeting.summary as unknown as MeetingSummary;
  // When it actually ran: the summary's own times (kept since they were recorded), else the meeting's.
  const started = summary.startedAt ?? meeting.startedAt?.toISOString() ?? null;
  const at = (iso: string) => localParts(new Date(iso), client.timezone);
  // pdfkit is loaded on first use, like the plan's exports.
  const { renderSummaryPdf } = await import('../exports/summaryPdf.ts');
  const pdf = await renderSummaryPdf({
    clientName: client.name,
    month: cycle.month,
    monthName: monthName(cycle.month, language),
    format: meeting.format,
    date: local.date,
    time: local.time,
    happened: started ? { from: at(started), to: at(summary.endedAt) } : null,
    timezone: client.timezone,
    language,
    summary,
  });
  return { fileName: summaryText(language).fileName(client.name, cycle.month), pdf };
}
