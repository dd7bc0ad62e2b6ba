import { z } from 'zod';
import { endpoint, file } from '../endpoint.ts';
import { deckQuery, exportQuery } from '../planning.ts';

const tags = ['exports'];
const cycleParams = z.object({ cycleId: z.uuid() });

export const downloadDeckPptx = endpoint({
  operationId: 'downloadDeckPptx',
  method: 'GET',
  path: '/api/cycles/:cycleId/deck.pptx',
  tags,
  summary: 'The plan as a PowerPoint deck (opens in PowerPoint and LibreOffice Impress)',
  params: cycleParams,
  query: deckQuery,
  responses: {
    200: file(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'The deck as PowerPoint',
    ),
  },
});

export const downloadDeckPdf = endpoint({
  operationId: 'downloadDeckPdf',
  method: 'GET',
  path: '/api/cycles/:cycleId/deck.pdf',
  tags,
  summary: 'The plan deck as PDF',
  params: cycleParams,
  query: deckQuery,
  responses: { 200: file('application/pdf', 'The deck as PDF') },
});

export const downloadScheduleCsv = endpoint({
  operationId: 'downloadScheduleCsv',
  method: 'GET',
  path: '/api/cycles/:cycleId/schedule.csv',
  tags,
  summary: 'The posting schedule as CSV (UTF-8, opens in Excel and Google Sheets)',
  params: cycleParams,
  query: exportQuery,
  responses: {
    200: file('text/csv', 'The schedule, UTF-8; semicolons between columns in Ukrainian, commas in English'),
  },
});
