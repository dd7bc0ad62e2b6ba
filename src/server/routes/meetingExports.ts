import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { route } from '../http/route.ts';
import { meetingSummaryPdf } from '../meetings/summaryPdf.ts';
import { attachment } from '../planning/exportData.ts';
import { requireActor } from '../plugins/auth.ts';

/** What a meeting left behind, as a file to keep and print: whoever sees the meeting may download it. */
export const meetingExportRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.downloadMeetingSummaryPdf, async (request, reply) => {
    const { fileName, pdf } = await meetingSummaryPdf(
      ctx.db,
      requireActor(request),
      request.params.meetingId,
      request.query.lang,
    );
    return reply.type('application/pdf').header('content-disposition', attachment(fileName)).send(pdf);
  });
};
