import { endpoints } from '../../shared/api/catalogue.ts';
import type { RouteModule } from '../context.ts';
import { buildDeck } from '../exports/deckModel.ts';
import { scheduleCsv } from '../exports/scheduleCsv.ts';
import { route } from '../http/route.ts';
import { attachment, loadExportData } from '../planning/exportData.ts';
import { requireActor } from '../plugins/auth.ts';

type ExportInput = Awaited<ReturnType<typeof loadExportData>>['input'];

/** How a download of a plan is made: its content type, its file name and its bytes. */
interface Format {
  type: string;
  /**
   * Whose language the file is in when the download names none (?lang=): the client's for what is
   * made for the client to read (the deck), the reader's for a working file (the CSV).
   */
  language: 'client' | 'reader';
  name: (input: ExportInput) => string;
  render: (input: ExportInput) => Promise<Buffer | string> | string;
}

const pptx: Format = {
  type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  language: 'client',
  name: (input) => `${input.clientName} ${input.month}.pptx`,
  // Loaded on first use: the PPTX and PDF libraries are large and most processes never export.
  render: async (input) => (await import('../exports/pptx.ts')).renderPptx(buildDeck(input)),
};

const pdf: Format = {
  type: 'application/pdf',
  language: 'client',
  name: (input) => `${input.clientName} ${input.month}.pdf`,
  render: async (input) => (await import('../exports/pdf.ts')).renderPdf(buildDeck(input)),
};

const csv: Format = {
  type: 'text/csv; charset=utf-8',
  language: 'reader',
  name: (input) => `${input.clientName} ${input.month} schedule.csv`,
  // The separator follows the language (";" for Ukrainian Excel and Calc): exports/locale.ts.
  render: (input) => scheduleCsv(input),
};

/** The downloads of a plan: one endpoint each, the same loading and access rules for all. */
export const exportRoutes: RouteModule = (app, ctx) => {
  const downloads = [
    [endpoints.downloadDeckPptx, pptx],
    [endpoints.downloadDeckPdf, pdf],
    [endpoints.downloadScheduleCsv, csv],
  ] as const;
  for (const [spec, format] of downloads) {
    route(app, spec, async (request, reply) => {
      const actor = requireActor(request);
      const reader = actor.user.locale === 'en' ? 'en' : 'uk';
      const { input } = await loadExportData(
        ctx.db,
        actor,
        request.params.cycleId,
        (client) => request.query.lang ?? (format.language === 'client' ? client.language : reader),
      );
      return reply
        .type(format.type)
        .header('content-disposition', attachment(format.name(input)))
        .send(await format.render(input));
    });
  }
};
