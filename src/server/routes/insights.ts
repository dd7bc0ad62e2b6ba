import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  agencyInsights,
  clientInsights,
  historyImportResult,
  insightsQuery,
} from '../../shared/api/insights.ts';
import { previousMonth } from '../../shared/time.ts';
import { recordEvent } from '../commands/recordEvent.ts';
import type { RouteModule } from '../context.ts';
import { clients, cycles, insightHistory } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { attachmentDisposition } from '../files/fileName.ts';
import { insightsCsv } from '../insights/exports.ts';
import { parseHistoryCsv } from '../insights/historyCsv.ts';
import { insightMonths, insightMonthsOf } from '../insights/months.ts';
import { renderInsightsReport } from '../insights/reportPdf.ts';
import { transact } from '../live/transact.ts';
import { todayIn } from '../planning/cycleRules.ts';
import { requireActor } from '../plugins/auth.ts';
import { canUpdateClient } from '../policies/client.ts';
import { loadClient } from '../tenancy.ts';

const tags = ['insights'];

/** The months asked for, or the twelve up to this one; never more than three years at once. */
function rangeOf(query: z.infer<typeof insightsQuery>, timezone: string) {
  const to = query.to ?? todayIn(timezone).slice(0, 7);
  let from = query.from;
  if (!from) {
    from = to;
    for (let i = 0; i < 11; i++) from = previousMonth(from);
  }
  if (from > to)
    throw new AppError('validation_failed', { fields: { from: 'The first month comes after the last.' } });
  let limit = to;
  for (let i = 0; i < 35; i++) limit = previousMonth(limit);
  if (from < limit)
    throw new AppError('validation_failed', { fields: { from: 'Ask for three years at most.' } });
  return { from, to };
}

export const insightRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/clients/:clientId/insights',
    {
      schema: {
        tags,
        summary: "A client's months in numbers: posts, rounds, unplanned changes, topics, facts, deadlines",
        params: z.object({ clientId: z.uuid() }),
        querystring: insightsQuery,
        response: { 200: clientInsights },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      const { from, to } = rangeOf(request.query, client.timezone);
      return {
        clientId: client.id,
        clientName: client.name,
        timezone: client.timezone,
        coCreationSince: client.coCreationSince,
        months: await insightMonths(ctx.db, client, from, to),
      };
    },
  );

  app.get(
    '/api/insights',
    {
      schema: {
        tags,
        summary: "The agency's clients side by side, month by month",
        querystring: insightsQuery,
        response: { 200: agencyInsights },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.agency)
        throw new AppError('forbidden', { message: "Insights across clients are the agency's." });
      const { from, to } = rangeOf(request.query, 'Europe/Kyiv');
      const rows = await ctx.db
        .select()
        .from(clients)
        .where(and(eq(clients.agencyId, actor.agency.id), isNull(clients.archivedAt)))
        .orderBy(asc(clients.name));
      const byClient = await insightMonthsOf(ctx.db, rows, from, to);
      const months: string[] = [];
      for (let m = to; m >= from; m = previousMonth(m)) months.unshift(m);
      return {
        months,
        clients: rows.map((client) => ({
          clientId: client.id,
          clientName: client.name,
          coCreationSince: client.coCreationSince,
          months: byClient.get(client.id)!,
        })),
      };
    },
  );

  const languageOf = (query: { lang?: 'uk' | 'en' | undefined }, locale: string | null) =>
    query.lang ?? (locale === 'en' ? 'en' : 'uk');
  const exportQuery = insightsQuery.extend({ lang: z.enum(['uk', 'en']).optional() });

  app.get(
    '/api/clients/:clientId/insights.csv',
    {
      schema: {
        tags,
        summary: "The client's figures month by month, as CSV (semicolons in Ukrainian, for Excel)",
        params: z.object({ clientId: z.uuid() }),
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      const { from, to } = rangeOf(request.query, client.timezone);
      const months = await insightMonths(ctx.db, client, from, to);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(`${client.name} ${from}–${to}.csv`))
        .send(insightsCsv(months, languageOf(request.query, actor.user.locale)));
    },
  );

  app.get(
    '/api/clients/:clientId/insights/report.pdf',
    {
      schema: {
        tags,
        summary: "One month's report as a one-page PDF, beside the average before co-creation",
        params: z.object({ clientId: z.uuid() }),
        querystring: z.object({
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-10'),
          lang: z.enum(['uk', 'en']).optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      const { month } = request.query;
      let from = month;
      for (let i = 0; i < 23; i++) from = previousMonth(from);
      const months = await insightMonths(ctx.db, client, from, month);
      const pdf = await renderInsightsReport({
        clientName: client.name,
        month,
        months,
        language: languageOf(request.query, actor.user.locale),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentDisposition(`${client.name} ${month}.pdf`))
        .send(pdf);
    },
  );

  app.post(
    '/api/clients/:clientId/insights/history',
    {
      bodyLimit: 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import past months' posts and revision counts from a spreadsheet CSV (text/csv); dryRun previews",
        params: z.object({ clientId: z.uuid() }),
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .default('true')
            .transform((v) => v === 'true'),
        }),
        response: { 200: historyImportResult },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw new AppError('malformed_request', {
          message: 'Send the CSV file as the request body (content-type text/csv).',
        });
      }
      const client = await loadClient(ctx.db, actor, request.params.clientId);
      if (!canUpdateClient(actor, client) || client.archivedAt) throw new AppError('forbidden');
      const planned = await ctx.db
        .select({ month: cycles.month })
        .from(cycles)
        .where(eq(cycles.clientId, client.id));
      const { rows, errors } = parseHistoryCsv(bytes, { plitMonths: new Set(planned.map((p) => p.month)) });
      // All or nothing: a file with a bad row changes nothing, so fixing it and sending it again is safe.
      if (request.query.dryRun || errors.length > 0) return { rows, errors };
      await transact(ctx, async (tx) => {
        for (const { line: _line, ...row } of rows) {
          await tx
            .insert(insightHistory)
            .values({ clientId: client.id, ...row, importedById: actor.user.id })
            .onConflictDoUpdate({
              target: [insightHistory.clientId, insightHistory.month],
              set: { ...row, importedById: actor.user.id, importedAt: new Date() },
            });
        }
        await recordEvent(tx, actor.user, {
          agencyId: client.agencyId,
          clientId: client.id,
          type: 'insights.history_imported',
          subjectType: 'client',
          subjectId: client.id,
          data: { months: rows.map((r) => r.month) },
        });
      });
      return { rows, errors, imported: rows.length };
    },
  );
};
