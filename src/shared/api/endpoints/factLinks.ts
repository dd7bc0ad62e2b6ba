import { endpoint } from '../endpoint.ts';
import { factLinkSignIn } from '../facts.ts';
import { tokenBody } from '../me.ts';

export const confirmFactLink = endpoint({
  operationId: 'confirmFactLink',
  method: 'POST',
  path: '/api/fact-links/confirm',
  tags: ['facts'],
  summary: 'Open a fact request from its email: signs the contact in, no password needed',
  body: tokenBody,
  responses: { 200: factLinkSignIn },
  public: true,
});
