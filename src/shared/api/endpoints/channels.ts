import { z } from 'zod';
import { channel, clientParams, createChannelBody, updateChannelBody } from '../clients.ts';
import { ok, uuid } from '../common.ts';
import { endpoint } from '../endpoint.ts';

const tags = ['channels'];
const channelParams = clientParams.extend({ channelId: uuid });
const oneChannel = z.object({ channel });

export const listChannels = endpoint({
  operationId: 'listChannels',
  scopes: ['review', 'meeting'],
  method: 'GET',
  path: '/api/clients/:clientId/channels',
  tags,
  summary: "A client's social accounts",
  params: clientParams,
  responses: { 200: z.object({ channels: z.array(channel) }) },
});

export const createChannel = endpoint({
  operationId: 'createChannel',
  method: 'POST',
  idempotent: true,
  path: '/api/clients/:clientId/channels',
  tags,
  summary: 'Add a social account',
  params: clientParams,
  body: createChannelBody,
  responses: { 201: oneChannel },
});

export const updateChannel = endpoint({
  operationId: 'updateChannel',
  method: 'PATCH',
  path: '/api/clients/:clientId/channels/:channelId',
  tags,
  summary: 'Change a social account',
  params: channelParams,
  body: updateChannelBody,
  responses: { 200: oneChannel },
});

export const deleteChannel = endpoint({
  operationId: 'deleteChannel',
  method: 'DELETE',
  path: '/api/clients/:clientId/channels/:channelId',
  tags,
  summary: 'Remove a social account',
  params: channelParams,
  responses: { 200: ok },
});
