import { z } from 'zod';
import { client, clientParams, createClientBody, listClientsQuery, updateClientBody } from '../clients.ts';
import { endpoint } from '../endpoint.ts';

const tags = ['clients'];
const oneClient = z.object({ client });

export const listClients = endpoint({
  operationId: 'listClients',
  method: 'GET',
  path: '/api/clients',
  tags,
  summary: 'Clients you can reach',
  query: listClientsQuery,
  responses: { 200: z.object({ clients: z.array(client) }) },
});

export const createClient = endpoint({
  operationId: 'createClient',
  method: 'POST',
  idempotent: true,
  path: '/api/clients',
  tags,
  summary: 'Add a client (brand) to your agency',
  body: createClientBody,
  responses: { 201: oneClient },
});

export const getClient = endpoint({
  operationId: 'getClient',
  scopes: ['review', 'meeting'],
  method: 'GET',
  path: '/api/clients/:clientId',
  tags,
  summary: 'One client',
  params: clientParams,
  responses: { 200: oneClient },
});

export const updateClient = endpoint({
  operationId: 'updateClient',
  method: 'PATCH',
  path: '/api/clients/:clientId',
  tags,
  summary:
    'Rename a client, change its time zone, language, stage deadlines, fact reminder days or internal review of posts',
  params: clientParams,
  body: updateClientBody,
  responses: { 200: oneClient },
});

export const archiveClient = endpoint({
  operationId: 'archiveClient',
  method: 'POST',
  path: '/api/clients/:clientId/archive',
  tags,
  summary: 'Archive a client: hidden from the home page, history kept',
  params: clientParams,
  responses: { 200: oneClient },
});

export const unarchiveClient = endpoint({
  operationId: 'unarchiveClient',
  method: 'POST',
  path: '/api/clients/:clientId/unarchive',
  tags,
  summary: 'Bring an archived client back',
  params: clientParams,
  responses: { 200: oneClient },
});
