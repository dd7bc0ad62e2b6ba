import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { createCommentBody, postFull, resolveCommentBody } from '../posts.ts';

const tags = ['posts'];

export const createPostComment = endpoint({
  operationId: 'createPostComment',
  scopes: ['review'],
  method: 'POST',
  idempotent: true,
  path: '/api/posts/:postId/comments',
  tags,
  summary: 'Comment on a post: on a phrase of the copy, on the visual, or on the whole',
  description:
    'A phrase is given as offsets into the copy as plain text (shared/posts/copyText.ts) with its quote; ' +
    'a quote that no longer matches answers 409 post_outdated.',
  params: z.object({ postId: z.uuid() }),
  body: createCommentBody,
  responses: { 201: postFull },
});

export const resolvePostComment = endpoint({
  operationId: 'resolvePostComment',
  scopes: ['review'],
  method: 'PATCH',
  path: '/api/post-comments/:commentId',
  tags,
  summary: 'Resolve a comment (or open it again)',
  params: z.object({ commentId: z.uuid() }),
  body: resolveCommentBody,
  responses: { 200: postFull },
});
