import { endpoint, file } from '../endpoint.ts';
import { meetingParams, summaryPdfQuery } from '../meetings.ts';

export const downloadMeetingSummaryPdf = endpoint({
  operationId: 'downloadMeetingSummaryPdf',
  method: 'GET',
  path: '/api/meetings/:meetingId/summary.pdf',
  tags: ['exports'],
  summary: 'The summary of an ended meeting (or closed fire-mode review) as PDF',
  params: meetingParams,
  query: summaryPdfQuery,
  responses: { 200: file('application/pdf', 'The summary as PDF') },
});
