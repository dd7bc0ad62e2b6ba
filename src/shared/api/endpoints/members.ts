import { z } from 'zod';
import { ok, uuid } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { member, updateMemberBody } from '../members.ts';

const tags = ['members'];
const memberParams = z.object({ userId: uuid });

export const listMembers = endpoint({
  operationId: 'listMembers',
  method: 'GET',
  path: '/api/members',
  tags,
  summary: "Your agency's members",
  responses: { 200: z.object({ members: z.array(member) }) },
});

export const changeMemberRole = endpoint({
  operationId: 'changeMemberRole',
  method: 'PATCH',
  path: '/api/members/:userId',
  tags,
  summary: "Change a member's role (owners only)",
  params: memberParams,
  body: updateMemberBody,
  responses: { 200: z.object({ member }) },
});

export const removeMember = endpoint({
  operationId: 'removeMember',
  method: 'DELETE',
  path: '/api/members/:userId',
  tags,
  summary: 'Remove a member from the agency (owners only); ends their sessions',
  params: memberParams,
  responses: { 200: ok },
});
