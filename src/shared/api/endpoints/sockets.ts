import { collabPath, livePath } from '../../live.ts';
import { empty, endpoint } from '../endpoint.ts';

export const openLiveSocket = endpoint({
  operationId: 'openLiveSocket',
  scopes: ['facts', 'review', 'meeting'],
  method: 'GET',
  path: livePath,
  tags: ['live'],
  summary: 'WebSocket of live plan updates, presence and meeting focus (?protocol=N, see LIVE-SPEC.md)',
  description:
    'Frames and close codes are declared in src/shared/live.ts. The protocol version is read by ' +
    'the socket itself, not validated here: a refused upgrade would look like a network error to ' +
    'the browser, while the `outdated` frame tells it to reload.',
  responses: { 101: empty('Switching to the WebSocket protocol') },
  websocket: true,
});

export const openCollabSocket = endpoint({
  operationId: 'openCollabSocket',
  scopes: ['meeting'],
  method: 'GET',
  path: collabPath,
  tags: ['collab'],
  summary: 'WebSocket of shared documents (Hocuspocus protocol)',
  responses: { 101: empty('Switching to the WebSocket protocol') },
  websocket: true,
});
