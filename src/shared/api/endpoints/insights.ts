import { z } from 'zod';
import { dryRunQuery } from '../common.ts';
import { endpoint, file, rawBody } from '../endpoint.ts';
import {
  agencyInsights,
  clientInsights,
  historyImportResult,
  insightsExportQuery,
  insightsQuery,
  insightsReportQuery,
} from '../insights.ts';

const tags = ['insights'];
const clientParams = z.object({ clientId: z.uuid() });

export const getClientInsights = endpoint({
  operationId: 'getClientInsights',
  method: 'GET',
  path: '/api/clients/:clientId/insights',
  tags,
  summary: "A client's months in numbers: posts, rounds, unplanned changes, topics, facts, deadlines",
  params: clientParams,
  query: insightsQuery,
  responses: { 200: clientInsights },
});

export const getAgencyInsights = endpoint({
  operationId: 'getAgencyInsights',
  method: 'GET',
  path: '/api/insights',
  tags,
  summary: "The agency's clients side by side, month by month",
  query: insightsQuery,
  responses: { 200: agencyInsights },
});

export const downloadInsightsCsv = endpoint({
  operationId: 'downloadInsightsCsv',
  method: 'GET',
  path: '/api/clients/:clientId/insights.csv',
  tags,
  summary: "The client's figures month by month, as CSV (semicolons in Ukrainian, for Excel)",
  params: clientParams,
  query: insightsExportQuery,
  responses: { 200: file('text/csv', "The client's figures, a row per month, UTF-8") },
});

export const downloadInsightsReportPdf = endpoint({
  operationId: 'downloadInsightsReportPdf',
  method: 'GET',
  path: '/api/clients/:clientId/insights/report.pdf',
  tags,
  summary: "One month's report as a one-page PDF, beside the average before co-creation",
  params: clientParams,
  query: insightsReportQuery,
  responses: { 200: file('application/pdf', "The month's report, one page") },
});

export const importInsightHistory = endpoint({
  operationId: 'importInsightHistory',
  method: 'POST',
  // Not a create: each month of the file replaces that month (an upsert), so a second send
  // leaves the same rows, and replaying a stored answer could hide a later import's change.
  idempotent: false,
  path: '/api/clients/:clientId/insights/history',
  tags,
  summary: "Import past months' posts and revision counts from a spreadsheet CSV (text/csv); dryRun previews",
  params: clientParams,
  query: dryRunQuery,
  body: rawBody(
    ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream'],
    'The spreadsheet saved as CSV, a row per month: UTF-8 or Windows-1251, commas or semicolons',
  ),
  responses: { 200: historyImportResult },
});
