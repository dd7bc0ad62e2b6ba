import { z } from 'zod';
import { clientParams } from '../clients.ts';
import { uuid } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { linkKind, linkScope } from '../links.ts';
import { me, tokenBody } from '../me.ts';

export const openLink = endpoint({
  operationId: 'openLink',
  method: 'POST',
  path: '/api/links/open',
  tags: ['links'],
  summary: 'Open a scoped link: a session limited to its subject, or the full session already here',
  description:
    "Answers who is signed in (`me.scope` is set when the session is the link's) and what the link " +
    'opens (`opens`). A browser already signed in as the same person keeps its full session.',
  body: tokenBody,
  responses: { 200: z.object({ me, opens: linkScope }) },
  public: true,
});

export const copyContactLink = endpoint({
  operationId: 'copyContactLink',
  method: 'POST',
  // Its answer is a live secret: a stored copy for replays would keep a working token in clear
  // (only hashes are kept). A retry simply copies a fresh link, as a second click would.
  idempotent: false,
  path: '/api/clients/:clientId/contacts/:userId/links',
  tags: ['links'],
  summary: "Copy a contact's scoped link for a subject, to pass on without email (recorded in the activity)",
  params: clientParams.extend({ userId: uuid }),
  body: z.object({
    kind: linkKind,
    subjectId: uuid.describe('The fact request, the month (cycle) or the meeting the link opens'),
  }),
  responses: { 201: z.object({ url: z.string() }) },
});
