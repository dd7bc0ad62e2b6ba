import { z } from 'zod';
import { ok, storable, uuid } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { me } from '../me.ts';
import { acceptInvitationBody, createInvitationBody, invitation, invitationPreview } from '../members.ts';

const tags = ['invitations'];
const invitationParams = z.object({ invitationId: uuid });
const oneInvitation = z.object({ invitation });
const linkToken = storable().min(10).max(200);

export const listInvitations = endpoint({
  operationId: 'listInvitations',
  method: 'GET',
  path: '/api/invitations',
  tags,
  summary: "Your agency's invitations (owners: all; content managers: client contacts')",
  query: z.object({ clientId: uuid.optional().describe('Only invitations to this client.') }),
  responses: { 200: z.object({ invitations: z.array(invitation) }) },
});

export const sendInvitation = endpoint({
  operationId: 'sendInvitation',
  method: 'POST',
  idempotent: true,
  path: '/api/invitations',
  tags,
  summary: 'Invite an agency member (owners) or a client contact (owners, content managers) by email',
  body: createInvitationBody,
  responses: { 201: oneInvitation },
});

export const resendInvitation = endpoint({
  operationId: 'resendInvitation',
  method: 'POST',
  path: '/api/invitations/:invitationId/resend',
  tags,
  summary: 'Send the invitation again with a fresh link (the old link stops working)',
  params: invitationParams,
  responses: { 200: oneInvitation },
});

export const copyInvitationLink = endpoint({
  operationId: 'copyInvitationLink',
  method: 'POST',
  path: '/api/invitations/:invitationId/link',
  tags,
  summary:
    "The invitation's link, for its sender to pass on: a fresh secret, so a link emailed before stops working",
  params: invitationParams,
  responses: { 200: z.object({ link: z.string(), invitation }) },
});

export const revokeInvitation = endpoint({
  operationId: 'revokeInvitation',
  method: 'DELETE',
  path: '/api/invitations/:invitationId',
  tags,
  summary: 'Revoke an invitation: its link stops working',
  params: invitationParams,
  responses: { 200: ok },
});

export const previewInvitation = endpoint({
  operationId: 'previewInvitation',
  method: 'GET',
  path: '/api/invitations/preview',
  tags,
  summary: 'What an invitation link offers, before accepting it',
  query: z.object({ token: linkToken }),
  responses: { 200: invitationPreview },
  public: true,
});

export const acceptInvitation = endpoint({
  operationId: 'acceptInvitation',
  method: 'POST',
  path: '/api/invitations/accept',
  tags,
  summary: 'Accept an invitation: creates the account, or adds to the signed-in one; logs in',
  body: acceptInvitationBody,
  responses: { 200: me },
  public: true,
});
