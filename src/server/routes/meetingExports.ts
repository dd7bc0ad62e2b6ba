import { z } from 'zod';
import type { MeetingSummary } from '../../shared/api/meetings.ts';
import { localParts } from '../../shared/time.ts';
import type { RouteModule } from '../context.ts';
import { AppError } from '../errors.ts';
import { summaryText } from '../exports/summaryText.ts';
import { loadMeeting } from '../meetings/load.ts';
import { attachment } from '../planning/exportData.ts';
import { monthName } from '../planning/monthNames.ts';
import { requireActor } from '../plugins/auth.ts';

/** What a meeting left behind, as a file to keep and print: whoever sees the meeting may download it. */
export const meetingExportRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/meetings/:meetingId/summary.pdf',
    {
      schema: {
        tags: ['exports'],
        summary: 'The summary of an ended meeting (or closed fire-mode review) as PDF',
        params: z.object({ meetingId: z.uuid() }),
        querystring: z.object({
          lang: z.enum(['uk', 'en']).optional().describe("Language of the file; defaults to the user's."),
        }),
        response: { 200: z.any().describe('The file') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const language = request.query.lang ?? (actor.user.locale === 'en' ? 'en' : 'uk');
      const { meeting, cycle, client } = await loadMeeting(ctx.db, actor, request.params.meetingId);
      if (meeting.status !== 'ended' || !meeting.summary) {
        throw new AppError('conflict', { message: 'The summary is there once the meeting has ended.' });
      }
      const local = localParts(meeting.startsAt, client.timezone);
      // pdfkit is loaded on first use, like the plan's exports.
      const { renderSummaryPdf } = await import('../exports/summaryPdf.ts');
      const pdf = await renderSummaryPdf({
        clientName: client.name,
        month: cycle.month,
        monthName: monthName(cycle.month, language),
        format: meeting.format,
        date: local.date,
        time: local.time,
        timezone: client.timezone,
        language,
        summary: meeting.summary as unknown as MeetingSummary,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(summaryText(language).fileName(client.name, cycle.month)))
        .send(pdf);
    },
  );
};
