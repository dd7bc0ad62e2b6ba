import { endpoints } from '../../shared/api/catalogue.ts';
import { importInsightHistory } from '../commands/insights/importInsightHistory.ts';
import type { RouteModule } from '../context.ts';
import { AppError } from '../errors.ts';
import { attachmentDisposition } from '../files/fileName.ts';
import { route } from '../http/route.ts';
import { insightsCsv } from '../insights/exports.ts';
import { insightsOfAgency, insightsOfClient, reportMonthsOf } from '../insights/queries.ts';
import { renderInsightsReport } from '../insights/reportPdf.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { requireActor } from '../plugins/auth.ts';

const languageOf = (query: { lang?: 'uk' | 'en' | undefined }, locale: string | null) =>
  query.lang ?? (locale === 'en' ? 'en' : 'uk');

export const insightRoutes: RouteModule = (app, ctx) => {
  route(app, endpoints.getClientInsights, async (request) => {
    const { client, months } = await insightsOfClient(
      ctx.db,
      requireActor(request),
      request.params.clientId,
      request.query,
    );
    return {
      clientId: client.id,
      clientName: client.name,
      timezone: client.timezone,
      coCreationSince: client.coCreationSince,
      months,
    };
  });

  route(app, endpoints.getAgencyInsights, async (request) => {
    const { months, clients } = await insightsOfAgency(ctx.db, requireActor(request), request.query);
    return {
      months,
      clients: clients.map(({ client, months }) => ({
        clientId: client.id,
        clientName: client.name,
        coCreationSince: client.coCreationSince,
        months,
      })),
    };
  });

  route(app, endpoints.downloadInsightsCsv, async (request, reply) => {
    const actor = requireActor(request);
    const { client, from, to, months } = await insightsOfClient(
      ctx.db,
      actor,
      request.params.clientId,
      request.query,
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachmentDisposition(`${client.name} ${from}–${to}.csv`))
      .send(insightsCsv(months, languageOf(request.query, actor.user.locale)));
  });

  route(app, endpoints.downloadInsightsReportPdf, async (request, reply) => {
    const actor = requireActor(request);
    const { month } = request.query;
    const { client, months } = await reportMonthsOf(ctx.db, actor, request.params.clientId, month);
    const pdf = await renderInsightsReport({
      clientName: client.name,
      month,
      months,
      language: languageOf(request.query, actor.user.locale),
      current: todayIn(client.timezone).slice(0, 7),
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentDisposition(`${client.name} ${month}.pdf`))
      .send(pdf);
  });

  route(
    app,
    endpoints.importInsightHistory,
    async (request) => {
      const actor = requireActor(request);
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw new AppError('malformed_request', {
          message: 'Send the CSV file as the request body (content-type text/csv).',
        });
      }
      return importInsightHistory(ctx, actor, request.params.clientId, bytes, request.query.dryRun);
    },
    { bodyLimit: 1024 * 1024 },
  );
};
