import { z } from 'zod';
import { ok } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { createTopicBody, pullTopicBody, topic, updateTopicBody, versionBody } from '../planning.ts';

const tags = ['topics'];
const cycleParams = z.object({ cycleId: z.uuid() });
const topicParams = z.object({ topicId: z.uuid() });
const oneTopic = z.object({ topic });

export const createTopic = endpoint({
  operationId: 'createTopic',
  method: 'POST',
  idempotent: true,
  path: '/api/cycles/:cycleId/topics',
  tags,
  summary: 'Propose a topic for this month',
  params: cycleParams,
  body: createTopicBody,
  responses: { 201: oneTopic },
});

export const updateTopic = endpoint({
  operationId: 'updateTopic',
  method: 'PATCH',
  path: '/api/topics/:topicId',
  tags,
  summary: 'Edit a topic, change its status or its place in the list',
  params: topicParams,
  body: updateTopicBody,
  responses: { 200: oneTopic },
});

export const deleteTopic = endpoint({
  operationId: 'deleteTopic',
  method: 'DELETE',
  path: '/api/topics/:topicId',
  tags,
  summary: 'Delete a topic for good (parking keeps it in the reserve instead)',
  params: topicParams,
  responses: { 200: ok },
});

export const parkTopic = endpoint({
  operationId: 'parkTopic',
  method: 'POST',
  path: '/api/topics/:topicId/park',
  tags,
  summary: "Park a topic: out of this month's plan, into the client's reserve",
  params: topicParams,
  body: versionBody,
  responses: { 200: oneTopic },
});

export const pullTopic = endpoint({
  operationId: 'pullTopic',
  method: 'POST',
  path: '/api/topics/:topicId/pull',
  tags,
  summary: "Pull a topic from the client's reserve into a cycle",
  params: topicParams,
  body: pullTopicBody,
  responses: { 200: oneTopic },
});
