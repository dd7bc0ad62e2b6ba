import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { ResponseOf } from '../../shared/api/endpoint.ts';
import { sendFile, urlOf } from '../api/client.ts';
import type { Language } from '../i18n/index.ts';

/** The server's answer to a spreadsheet of past months: a preview, and the count once imported. */
export type HistoryPreview = ResponseOf<typeof endpoints.importInsightHistory>;

/** Past months from CSV: a dry run previews it, the real run imports it (nothing while any row fails). */
export const useImportHistory = (clientId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
      sendFile(
        endpoints.importInsightHistory,
        { params: { clientId }, query: { dryRun: dryRun ? 'true' : 'false' } },
        file,
        'text/csv',
      ),
    onSuccess: (_data, { dryRun }) => {
      if (dryRun) return;
      void queryClient.invalidateQueries({ queryKey: ['clients', clientId, 'insights'] });
      void queryClient.invalidateQueries({ queryKey: ['insights'] });
    },
  });
};

/** Where the figures of a range download as CSV, in the language on screen (the browser saves the file). */
export const csvUrl = (clientId: string, range: { from: string; to: string }, lang: Language) =>
  urlOf(endpoints.downloadInsightsCsv, { params: { clientId }, query: { ...range, lang } });

/** The one-page monthly report, to send to the client. */
export const reportUrl = (clientId: string, month: string, lang: Language) =>
  urlOf(endpoints.downloadInsightsReportPdf, { params: { clientId }, query: { month, lang } });
