import { z } from 'zod';
import { endpoint, file, multipart } from '../endpoint.ts';
import { factRequestFull } from '../facts.ts';

const tags = ['facts'];
const fileParams = z.object({ fileId: z.uuid() });
const full = z.object({ request: factRequestFull });

export const uploadFactFile = endpoint({
  operationId: 'uploadFactFile',
  scopes: ['facts'],
  method: 'POST',
  idempotent: true,
  path: '/api/fact-items/:itemId/files',
  tags,
  summary: 'Upload one file for an item (multipart field "file", up to the server\'s upload limit)',
  params: z.object({ itemId: z.uuid() }),
  body: multipart('file', 'The photo, video or document that answers the item'),
  responses: { 201: full },
});

export const downloadFactFile = endpoint({
  operationId: 'downloadFactFile',
  scopes: ['facts'],
  method: 'GET',
  path: '/api/fact-files/:fileId',
  tags,
  summary: 'Download a file (always as an attachment; images inline with ?preview=1)',
  params: fileParams,
  query: z.object({ preview: z.enum(['1']).optional() }),
  responses: {
    200: file('application/octet-stream', 'The file as uploaded, with the content type it was stored with'),
  },
});

export const deleteFactFile = endpoint({
  operationId: 'deleteFactFile',
  scopes: ['facts'],
  method: 'DELETE',
  path: '/api/fact-files/:fileId',
  tags,
  summary: 'Remove a file from an answer that is not accepted yet',
  params: fileParams,
  responses: { 200: full },
});
