import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import { invitations } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { call } from '../support/http.ts';

/**
 * Every authenticated route × every kind of person. Each cell runs against a fresh pair of
 * agencies, so a cell that deletes something cannot change the next cell's answer.
 */
const actors = [
  'anonymous',
  'owner',
  'contentManager',
  'creator',
  'approver',
  'otherClientApprover',
  'outsider',
] as const;
type ActorName = (typeof actors)[number];
type Expect = Record<ActorName, number>;

const readClient: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 200,
  creator: 200,
  approver: 200,
  otherClientApprover: 404,
  outsider: 404,
};
const writeClient: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 200,
  creator: 403,
  approver: 403,
  otherClientApprover: 404,
  outsider: 404,
};
const createUnderClient: Expect = { ...writeClient, owner: 201, contentManager: 201 };
const self: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 200,
  creator: 200,
  approver: 200,
  otherClientApprover: 200,
  outsider: 200,
};
const agencyOnly: Expect = { ...self, approver: 403, otherClientApprover: 403 };
const ownersOnly: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 403,
  creator: 403,
  approver: 403,
  otherClientApprover: 403,
  outsider: 200,
};
const manageMember: Expect = { ...ownersOnly, outsider: 404 };
const managers: Expect = { ...agencyOnly, creator: 403 };
const manageInvitation: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 200,
  creator: 403,
  approver: 404,
  otherClientApprover: 404,
  outsider: 404,
};

interface World extends TestAgency {
  invitationId: string;
  outsiderAgency: TestAgency;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As written in the OpenAPI document. */
  path: string;
  url: (w: World) => string;
  body?: (w: World) => unknown;
  expect: Expect;
}

const c = (w: World) => `/api/clients/${w.client.id}`;
const rows: Row[] = [
  { method: 'GET', path: '/api/me', url: () => '/api/me', expect: self },
  { method: 'PATCH', path: '/api/me', url: () => '/api/me', body: () => ({ locale: 'en' }), expect: self },
  {
    method: 'POST',
    path: '/api/me/password',
    url: () => '/api/me/password',
    body: () => ({ currentPassword: 'correct horse battery', newPassword: 'a brand new password' }),
    expect: self,
  },
  { method: 'GET', path: '/api/sessions', url: () => '/api/sessions', expect: self },
  { method: 'DELETE', path: '/api/sessions', url: () => '/api/sessions', expect: self },
  // A session id that is nobody's: 404 for everyone signed in.
  {
    method: 'DELETE',
    path: '/api/sessions/{sessionId}',
    url: () => '/api/sessions/AAAAAAAAAAAAAAAA',
    expect: {
      ...self,
      owner: 404,
      contentManager: 404,
      creator: 404,
      approver: 404,
      otherClientApprover: 404,
      outsider: 404,
    },
  },
  { method: 'GET', path: '/api/clients', url: () => '/api/clients', expect: self },
  {
    method: 'POST',
    path: '/api/clients',
    url: () => '/api/clients',
    body: () => ({ name: 'New brand' }),
    expect: { ...managers, owner: 201, contentManager: 201, outsider: 201 },
  },
  { method: 'GET', path: '/api/clients/{clientId}', url: c, expect: readClient },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}',
    url: c,
    body: () => ({ name: 'Renamed', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/archive',
    url: (w) => `${c(w)}/archive`,
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/unarchive',
    url: (w) => `${c(w)}/unarchive`,
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/channels',
    url: (w) => `${c(w)}/channels`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/channels',
    url: (w) => `${c(w)}/channels`,
    body: () => ({ network: 'tiktok', handle: '@new', formats: ['video'] }),
    expect: createUnderClient,
  },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}/channels/{channelId}',
    url: (w) => `${c(w)}/channels/${w.client.channel.id}`,
    body: () => ({ handle: '@renamed', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/clients/{clientId}/channels/{channelId}',
    url: (w) => `${c(w)}/channels/${w.client.channel.id}`,
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/rubrics',
    url: (w) => `${c(w)}/rubrics`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/rubrics',
    url: (w) => `${c(w)}/rubrics`,
    body: () => ({ name: 'Team', color: '#ff0000' }),
    expect: createUnderClient,
  },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}/rubrics/{rubricId}',
    url: (w) => `${c(w)}/rubrics/${w.client.rubric.id}`,
    body: () => ({ name: 'Products', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/clients/{clientId}/rubrics/{rubricId}',
    url: (w) => `${c(w)}/rubrics/${w.client.rubric.id}`,
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/contacts',
    url: (w) => `${c(w)}/contacts`,
    expect: readClient,
  },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}/contacts/{userId}',
    url: (w) => `${c(w)}/contacts/${w.approver.id}`,
    body: () => ({ role: 'contributor' }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/clients/{clientId}/contacts/{userId}',
    url: (w) => `${c(w)}/contacts/${w.approver.id}`,
    expect: writeClient,
  },
  { method: 'GET', path: '/api/clients/{clientId}/events', url: (w) => `${c(w)}/events`, expect: readClient },
  { method: 'GET', path: '/api/members', url: () => '/api/members', expect: agencyOnly },
  {
    method: 'PATCH',
    path: '/api/members/{userId}',
    url: (w) => `/api/members/${w.contentManager.id}`,
    body: () => ({ role: 'creator' }),
    expect: manageMember,
  },
  {
    method: 'DELETE',
    path: '/api/members/{userId}',
    url: (w) => `/api/members/${w.contentManager.id}`,
    expect: manageMember,
  },
  {
    method: 'GET',
    path: '/api/invitations',
    url: () => '/api/invitations',
    expect: { ...managers, outsider: 200 },
  },
  {
    method: 'POST',
    path: '/api/invitations',
    url: () => '/api/invitations',
    body: (w) => ({ email: 'new.contact@example.com', role: 'approver', clientId: w.client.id }),
    expect: { ...writeClient, owner: 201, contentManager: 201, otherClientApprover: 403 },
  },
  {
    method: 'POST',
    path: '/api/invitations/{invitationId}/resend',
    url: (w) => `/api/invitations/${w.invitationId}/resend`,
    expect: manageInvitation,
  },
  {
    method: 'DELETE',
    path: '/api/invitations/{invitationId}',
    url: (w) => `/api/invitations/${w.invitationId}`,
    expect: manageInvitation,
  },
  { method: 'GET', path: '/api/outbox', url: () => '/api/outbox', expect: ownersOnly },
];

/** Routes anyone may call; their own tests cover them. */
const publicRoutes = new Set([
  'GET /api/health',
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/auth/magic-link',
  'POST /api/auth/magic-link/confirm',
  'GET /api/invitations/preview',
  'POST /api/invitations/accept',
]);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function makeWorld(): Promise<World> {
  const db = t.database.db;
  const agency = await makeAgency(db);
  const outsiderAgency = await makeAgency(db);
  const [invitation] = await db
    .insert(invitations)
    .values({
      agencyId: agency.id,
      clientId: agency.client.id,
      email: 'pending@example.com',
      role: 'contributor',
      tokenHash: hashToken(newToken()),
      invitedBy: agency.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  return { ...agency, invitationId: invitation!.id, outsiderAgency };
}

function cookieOf(w: World, actor: ActorName): string | null {
  if (actor === 'anonymous') return null;
  if (actor === 'outsider') return w.outsiderAgency.owner.cookie;
  return w[actor].cookie;
}

describe('route × role matrix', () => {
  it('covers every authenticated route in the OpenAPI document, and only those', async () => {
    const doc = (await call(t.app, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = rows.map((r) => `${r.method} ${r.path}`);
    expect(documented.filter((r) => !publicRoutes.has(r)).sort()).toEqual([...covered].sort());
    expect(new Set(covered).size).toBe(covered.length);
  });

  for (const row of rows) {
    describe(`${row.method} ${row.path}`, () => {
      for (const actor of actors) {
        it(`answers ${row.expect[actor]} to ${actor}`, async () => {
          const w = await makeWorld();
          const res = await call(t.app, row.method, row.url(w), {
            cookie: cookieOf(w, actor),
            ...(row.body ? { body: row.body(w) } : {}),
          });
          expect({ status: res.status, body: res.status >= 400 ? res.body : 'ok' }).toMatchObject({
            status: row.expect[actor],
          });
          if (res.status >= 400) expect(res.body).toHaveProperty('error.code');
        });
      }
    });
  }
});
