import { z } from 'zod';
import { dryRunQuery } from '../common.ts';
import { endpoint, rawBody } from '../endpoint.ts';
import { topicImportResult } from '../planning.ts';

export const importTopics = endpoint({
  operationId: 'importTopics',
  method: 'POST',
  // It creates topics though it answers 200 (a dry run creates nothing): a retry whose answer
  // was lost must not add the file's topics twice.
  idempotent: true,
  path: '/api/cycles/:cycleId/topics/import',
  tags: ['topics'],
  summary:
    'Import topics from a spreadsheet CSV (send the file as text/csv); dryRun previews rows and errors',
  params: z.object({ cycleId: z.uuid() }),
  query: dryRunQuery,
  body: rawBody(
    ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream'],
    'The spreadsheet saved as CSV: UTF-8 or Windows-1251, commas or semicolons',
  ),
  responses: { 200: topicImportResult },
});
