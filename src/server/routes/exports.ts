import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { buildDeck } from '../exports/deckModel.ts';
import { renderPdf } from '../exports/pdf.ts';
import { renderPptx } from '../exports/pptx.ts';
import { scheduleCsv } from '../exports/scheduleCsv.ts';
import { attachment, loadExportData } from '../planning/exportData.ts';
import { requireActor } from '../plugins/auth.ts';

const tags = ['exports'];
const params = z.object({ cycleId: z.uuid() });
const query = z.object({
  lang: z.enum(['uk', 'en']).optional().describe("Language of the deck; defaults to the user's."),
});
const file = { 200: z.any().describe('The file') };

export const exportRoutes: RouteModule = (app, ctx) => {
  const language = (request: { query: { lang?: 'uk' | 'en' | undefined } }, locale: string | null) =>
    request.query.lang ?? (locale === 'en' ? 'en' : 'uk');

  app.get(
    '/api/cycles/:cycleId/deck.pptx',
    {
      schema: {
        tags,
        summary: 'The plan as a PowerPoint deck (opens in PowerPoint and LibreOffice Impress)',
        params,
        querystring: query,
        response: file,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { input } = await loadExportData(
        ctx.db,
        actor,
        request.params.cycleId,
        language(request, actor.user.locale),
      );
      const bytes = await renderPptx(buildDeck(input));
      return reply
        .type('application/vnd.openxmlformats-officedocument.presentationml.presentation')
        .header('content-disposition', attachment(`${input.clientName} ${input.month}.pptx`))
        .send(bytes);
    },
  );

  app.get(
    '/api/cycles/:cycleId/deck.pdf',
    { schema: { tags, summary: 'The plan deck as PDF', params, querystring: query, response: file } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { input } = await loadExportData(
        ctx.db,
        actor,
        request.params.cycleId,
        language(request, actor.user.locale),
      );
      const bytes = await renderPdf(buildDeck(input));
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`${input.clientName} ${input.month}.pdf`))
        .send(bytes);
    },
  );

  app.get(
    '/api/cycles/:cycleId/schedule.csv',
    {
      schema: {
        tags,
        summary: 'The posting schedule as CSV (UTF-8, opens in Excel and Google Sheets)',
        params,
        querystring: query,
        response: file,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { input } = await loadExportData(
        ctx.db,
        actor,
        request.params.cycleId,
        language(request, actor.user.locale),
      );
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(`${input.clientName} ${input.month} schedule.csv`))
          // Excel in a Ukrainian locale splits columns on semicolons, not commas.
          .send(scheduleCsv({ ...input, delimiter: input.language === 'uk' ? ';' : ',' }))
      );
    },
  );
};
