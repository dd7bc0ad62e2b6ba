import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { buildDeck } from '../exports/deckModel.ts';
import { scheduleCsv } from '../exports/scheduleCsv.ts';
import { attachment, loadExportData } from '../planning/exportData.ts';
import { requireActor } from '../plugins/auth.ts';

type ExportInput = Awaited<ReturnType<typeof loadExportData>>['input'];

/** The downloads of a plan: one route each, the same loading and access rules for all. */
const formats: Array<{
  file: string;
  summary: string;
  type: string;
  name: (input: ExportInput) => string;
  render: (input: ExportInput) => Promise<Buffer | string> | string;
}> = [
  {
    file: 'deck.pptx',
    summary: 'The plan as a PowerPoint deck (opens in PowerPoint and LibreOffice Impress)',
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    name: (input) => `${input.clientName} ${input.month}.pptx`,
    // Loaded on first use: the PPTX and PDF libraries are large and most processes never export.
    render: async (input) => (await import('../exports/pptx.ts')).renderPptx(buildDeck(input)),
  },
  {
    file: 'deck.pdf',
    summary: 'The plan deck as PDF',
    type: 'application/pdf',
    name: (input) => `${input.clientName} ${input.month}.pdf`,
    render: async (input) => (await import('../exports/pdf.ts')).renderPdf(buildDeck(input)),
  },
  {
    file: 'schedule.csv',
    summary: 'The posting schedule as CSV (UTF-8, opens in Excel and Google Sheets)',
    type: 'text/csv; charset=utf-8',
    name: (input) => `${input.clientName} ${input.month} schedule.csv`,
    // Excel in a Ukrainian locale splits columns on semicolons, not commas.
    render: (input) => scheduleCsv({ ...input, delimiter: input.language === 'uk' ? ';' : ',' }),
  },
];

export const exportRoutes: RouteModule = (app, ctx) => {
  for (const format of formats) {
    app.get(
      `/api/cycles/:cycleId/${format.file}`,
      {
        schema: {
          tags: ['exports'],
          summary: format.summary,
          params: z.object({ cycleId: z.uuid() }),
          querystring: z.object({
            lang: z.enum(['uk', 'en']).optional().describe("Language of the file; defaults to the user's."),
          }),
          response: { 200: z.any().describe('The file') },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const language = request.query.lang ?? (actor.user.locale === 'en' ? 'en' : 'uk');
        const { input } = await loadExportData(ctx.db, actor, request.params.cycleId, language);
        return reply
          .type(format.type)
          .header('content-disposition', attachment(format.name(input)))
          .send(await format.render(input));
      },
    );
  }
};
