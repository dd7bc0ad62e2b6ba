import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  approvePostsBody,
  approvePostsResult,
  createPostBody,
  movePostBody,
  postFull,
  postList,
  updatePostBody,
} from '../posts.ts';

const tags = ['posts'];
const cycleParams = z.object({ cycleId: z.uuid() });
const postParams = z.object({ postId: z.uuid() });

export const listPosts = endpoint({
  operationId: 'listPosts',
  scopes: ['review'],
  method: 'GET',
  path: '/api/cycles/:cycleId/posts',
  tags,
  summary: "The month's posts (and, for the agency, the slots still waiting for one)",
  params: cycleParams,
  responses: { 200: postList },
});

export const createPost = endpoint({
  operationId: 'createPost',
  method: 'POST',
  idempotent: true,
  path: '/api/cycles/:cycleId/posts',
  tags,
  summary: "Start the post of a slot (from the slot's topic)",
  params: cycleParams,
  body: createPostBody,
  responses: { 201: postFull },
});

export const getPost = endpoint({
  operationId: 'getPost',
  scopes: ['review'],
  method: 'GET',
  path: '/api/posts/:postId',
  tags,
  summary: 'One post with its topic, facts, versions and comments',
  params: postParams,
  responses: { 200: postFull },
});

export const updatePost = endpoint({
  operationId: 'updatePost',
  method: 'PATCH',
  path: '/api/posts/:postId',
  tags,
  summary: 'Change the visual brief, hashtags, link, first comment or publish time',
  params: postParams,
  body: updatePostBody,
  responses: { 200: postFull },
});

export const movePost = endpoint({
  operationId: 'movePost',
  scopes: ['review'],
  method: 'POST',
  path: '/api/posts/:postId/status',
  tags,
  summary: 'Move a post: send for review, take back, approve, ask for changes, mark published',
  description:
    'The agency moves with the post `version` it edited; the client answers about the `revision` it read. ' +
    'An approval of an outdated revision answers 409 post_outdated; a second approval, 409 post_already_approved.',
  params: postParams,
  body: movePostBody,
  responses: { 200: postFull },
});

export const approvePosts = endpoint({
  operationId: 'approvePosts',
  scopes: ['review'],
  method: 'POST',
  path: '/api/cycles/:cycleId/posts/approve',
  tags,
  summary: 'Approve several posts at once; each answers for itself',
  params: cycleParams,
  body: approvePostsBody,
  responses: { 200: approvePostsResult },
});
