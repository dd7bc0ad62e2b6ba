import { endpoint } from '../endpoint.ts';
import { me, setupBody, setupState } from '../me.ts';

const tags = ['setup'];

export const getSetupState = endpoint({
  operationId: 'getSetupState',
  method: 'GET',
  path: '/api/setup',
  tags,
  summary: 'Whether Plit still needs its first agency',
  responses: { 200: setupState },
  public: true,
});

export const setUpAgency = endpoint({
  operationId: 'setUpAgency',
  method: 'POST',
  path: '/api/setup',
  tags,
  summary: 'Create the first agency and its owner (only while there is none)',
  body: setupBody,
  responses: { 201: me },
  public: true,
});
