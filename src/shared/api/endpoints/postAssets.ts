import { z } from 'zod';
import { endpoint, file, multipart } from '../endpoint.ts';
import { postFull } from '../posts.ts';

const tags = ['posts'];
const assetParams = z.object({ assetId: z.uuid() });

export const uploadPostAsset = endpoint({
  operationId: 'uploadPostAsset',
  method: 'POST',
  idempotent: true,
  path: '/api/posts/:postId/assets',
  tags,
  summary:
    'Attach a photo, video or layout to a post (multipart field "file", up to the server\'s upload limit)',
  params: z.object({ postId: z.uuid() }),
  body: multipart('file', 'The photo, video or layout'),
  responses: { 201: postFull },
});

export const downloadPostAsset = endpoint({
  operationId: 'downloadPostAsset',
  scopes: ['review'],
  method: 'GET',
  path: '/api/post-assets/:assetId',
  tags,
  summary: 'Download an asset (as an attachment; images inline with ?preview=1)',
  params: assetParams,
  query: z.object({ preview: z.enum(['1']).optional() }),
  responses: {
    200: file('application/octet-stream', 'The file as uploaded, with the content type it was stored with'),
  },
});

export const deletePostAsset = endpoint({
  operationId: 'deletePostAsset',
  method: 'DELETE',
  path: '/api/post-assets/:assetId',
  tags,
  summary: 'Remove an asset from a post that is not with the client',
  params: assetParams,
  responses: { 200: postFull },
});
