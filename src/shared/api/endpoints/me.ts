import { z } from 'zod';
import { ok, storable } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { changePasswordBody, me, session, updateMeBody } from '../me.ts';

const tags = ['me'];
const sessionParams = z.object({ sessionId: storable().regex(/^[A-Za-z0-9_-]{16}$/) });

export const getMe = endpoint({
  operationId: 'getMe',
  scopes: ['facts', 'review', 'meeting'],
  method: 'GET',
  path: '/api/me',
  tags,
  summary: 'The signed-in user, their agency, role and client memberships',
  responses: { 200: me },
});

export const updateMe = endpoint({
  operationId: 'updateMe',
  // Not for a scoped link's session: whoever holds a link must not rename its person (the
  // language switch still works on the device, the account catches up at a real sign-in).
  method: 'PATCH',
  path: '/api/me',
  tags,
  summary: 'Change your name or interface language',
  body: updateMeBody,
  responses: { 200: me },
});

export const changePassword = endpoint({
  operationId: 'changePassword',
  method: 'POST',
  path: '/api/me/password',
  tags,
  summary: 'Set or change your password',
  body: changePasswordBody,
  responses: { 200: ok },
});

export const listSessions = endpoint({
  operationId: 'listSessions',
  method: 'GET',
  path: '/api/sessions',
  tags,
  summary: 'Your signed-in sessions (browsers and devices)',
  responses: { 200: z.object({ sessions: z.array(session) }) },
});

export const logOutSession = endpoint({
  operationId: 'logOutSession',
  method: 'DELETE',
  path: '/api/sessions/:sessionId',
  tags,
  summary: 'Log out one session',
  params: sessionParams,
  responses: { 200: ok },
});

export const logOutEverywhere = endpoint({
  operationId: 'logOutEverywhere',
  method: 'DELETE',
  path: '/api/sessions',
  tags,
  summary: 'Log out everywhere, this session included',
  responses: { 200: ok },
});
