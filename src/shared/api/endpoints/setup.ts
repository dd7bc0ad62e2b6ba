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
  // Runs once per installation (a retry answers 409 `setup_done`), is called by no one yet
  // (no caller to keep a key for), and its answer is a session cookie a replay could not give.
  idempotent: false,
  path: '/api/setup',
  tags,
  summary: 'Create the first agency and its owner (only while there is none)',
  body: setupBody,
  responses: { 201: me },
  public: true,
});
