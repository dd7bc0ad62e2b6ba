import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../api/client.ts';
import type { Language } from '../i18n/index.ts';

/** The server's answer to a spreadsheet of past months: a preview, and the count once imported. */
export interface HistoryPreview {
  rows: Array<{
    line: number;
    month: string;
    postsPlanned: number;
    postsPublished: number;
    postsApproved: number;
    approvedFirstRound: number;
    revisionRounds: number;
    situational: number;
    replacements: number;
    rewrites: number;
  }>;
  errors: Array<{ line: number; column?: string | number; message: string }>;
  imported?: number;
}

/** Past months from CSV: a dry run previews it, the real run imports it (nothing while any row fails). */
export const useImportHistory = (clientId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
      api.upload<HistoryPreview>(
        withQuery(`/api/clients/${clientId}/insights/history`, { dryRun }),
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
  withQuery(`/api/clients/${clientId}/insights.csv`, { ...range, lang });

/** The one-page monthly report, to send to the client. */
export const reportUrl = (clientId: string, month: string, lang: Language) =>
  withQuery(`/api/clients/${clientId}/insights/report.pdf`, { month, lang });
