import { z } from 'zod';
import { clientParams, contact, updateContactBody } from '../clients.ts';
import { ok, uuid } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { invitation } from '../members.ts';

const tags = ['contacts'];
const contactParams = clientParams.extend({ userId: uuid });

export const listContacts = endpoint({
  operationId: 'listContacts',
  method: 'GET',
  path: '/api/clients/:clientId/contacts',
  tags,
  summary: "The client's own people (approvers, contributors) and their pending invitations",
  params: clientParams,
  responses: { 200: z.object({ contacts: z.array(contact), invitations: z.array(invitation) }) },
});

export const changeContactRole = endpoint({
  operationId: 'changeContactRole',
  method: 'PATCH',
  path: '/api/clients/:clientId/contacts/:userId',
  tags,
  summary: "Change a contact's role",
  params: contactParams,
  body: updateContactBody,
  responses: { 200: z.object({ contact }) },
});

export const removeContact = endpoint({
  operationId: 'removeContact',
  method: 'DELETE',
  path: '/api/clients/:clientId/contacts/:userId',
  tags,
  summary: "Remove a contact's access to this client",
  params: contactParams,
  responses: { 200: ok },
});
