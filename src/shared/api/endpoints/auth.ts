import { ok } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { emailOnlyBody, loginBody, magicLinkBody, me, resetPasswordBody, tokenBody } from '../me.ts';

const tags = ['auth'];

export const logIn = endpoint({
  operationId: 'logIn',
  method: 'POST',
  path: '/api/auth/login',
  tags,
  summary: 'Log in with email and password; sets the session cookie',
  body: loginBody,
  responses: { 200: me },
  public: true,
});

export const logOut = endpoint({
  operationId: 'logOut',
  scopes: ['facts', 'review', 'meeting'],
  method: 'POST',
  path: '/api/auth/logout',
  tags,
  summary: 'End this session',
  responses: { 200: ok },
  // Without a session there is nothing to end, and the answer is the same.
  public: true,
});

export const requestPasswordReset = endpoint({
  operationId: 'requestPasswordReset',
  method: 'POST',
  path: '/api/auth/password-reset',
  tags,
  summary: 'Email a password-reset link (answers the same whether or not the account exists)',
  body: emailOnlyBody,
  responses: { 202: ok },
  public: true,
});

export const confirmPasswordReset = endpoint({
  operationId: 'confirmPasswordReset',
  method: 'POST',
  path: '/api/auth/password-reset/confirm',
  tags,
  summary: 'Set a new password with an emailed link; logs in',
  body: resetPasswordBody,
  responses: { 200: me },
  public: true,
});

export const requestMagicLink = endpoint({
  operationId: 'requestMagicLink',
  method: 'POST',
  path: '/api/auth/magic-link',
  tags,
  summary: 'Email a one-time sign-in link to a client contact (answers the same for any email)',
  description: 'With `next`, the emailed link lands on that page of Plit once it has signed the person in.',
  body: magicLinkBody,
  responses: { 202: ok },
  public: true,
});

export const confirmMagicLink = endpoint({
  operationId: 'confirmMagicLink',
  method: 'POST',
  path: '/api/auth/magic-link/confirm',
  tags,
  summary: 'Sign in with an emailed one-time link',
  body: tokenBody,
  responses: { 200: me },
  public: true,
});
