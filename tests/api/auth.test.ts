import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/context.ts';
import { clientMembers, outbox } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { fromNewAddress } from '../support/addresses.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, makeClient, makeContact, makeUser, PASSWORD } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';

const t = withMailedApp();

const newAddress = () => fromNewAddress(t.app);

const login = (app: App, email: string, password: string) =>
  api(app, endpoints.logIn, { body: { email, password } });

function sessionCookieHeader(headers: Record<string, unknown>): string {
  const all = ([] as string[]).concat((headers['set-cookie'] as string | string[] | undefined) ?? []);
  const found = all.find((c) => c.startsWith('plit_session='));
  expect(found, 'a plit_session cookie is set').toBeDefined();
  return found!;
}

async function lastEmailTo(email: string) {
  const [row] = await t.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.toEmail, email))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row ?? null;
}

/** The token of the newest emailed link of this kind, read where the person reads it: SMTP. */
async function linkTokenFor(email: string, path: 'reset-password' | 'magic') {
  const link = await t.sink.linkFor(email, path);
  expect(link).toMatch(new RegExp(`^http://plit\\.test/${path}/[A-Za-z0-9_-]{43}$`));
  return link.split('/').at(-1)!;
}

describe('login', () => {
  it('logs in with the right password and sets a session that GET /api/me accepts', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await login(newAddress(), agency.owner.email, PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(agency.owner.email);
    expect(res.cookie).toBeTruthy();
    const me = await api(t.app, endpoints.getMe, { cookie: res.cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(agency.owner.id);
  });

  it('answers a wrong password and an unknown email with the same 401 invalid_credentials', async () => {
    const user = await makeUser(t.database.db);
    const app = newAddress();
    const wrong = await login(app, user.email, 'not the password at all');
    const unknown = await login(app, `nobody-${Date.now()}@test.plit`, PASSWORD);
    expect(wrong.status).toBe(401);
    expect(errorOf(wrong).code).toBe('invalid_credentials');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.cookie).toBeNull();
    expect(unknown.cookie).toBeNull();
  });

  it('treats the email case-insensitively', async () => {
    const user = await makeUser(t.database.db);
    const res = await login(newAddress(), `  ${user.email.toUpperCase()}  `, PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ and not Secure over plain http', async () => {
    const user = await makeUser(t.database.db);
    const res = await login(newAddress(), user.email, PASSWORD);
    expect(res.status).toBe(200);
    const cookie = sessionCookieHeader(res.headers);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('pauses an account at one address after 5 wrong passwords: even the right one answers 429 with retry-after', async () => {
    const user = await makeUser(t.database.db);
    const app = newAddress();
    for (let i = 0; i < 5; i++)
      expect((await login(app, user.email, `wrong password ${i}`)).status).toBe(401);
    const res = await login(app, user.email, PASSWORD);
    expect(res.status).toBe(429);
    expect(errorOf(res).code).toBe('rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.cookie).toBeNull();
    // The pause is the account-and-address pair's [14.5]: from another address the person still signs in.
    expect((await login(newAddress(), user.email, PASSWORD)).status).toBe(200);
  });

  it('pauses an address after 30 failures spread over many accounts', async () => {
    const user = await makeUser(t.database.db);
    const app = newAddress();
    for (let i = 0; i < 30; i++) {
      // Never more than 1 failure per account, so only the per-address count can trip.
      expect((await login(app, `sprayed-${i}-${Date.now()}@test.plit`, 'guess 123456')).status).toBe(401);
    }
    const res = await login(app, user.email, PASSWORD);
    expect(res.status).toBe(429);
    expect(errorOf(res).code).toBe('rate_limited');
    // The same account from another address is fine: nothing was tried against it.
    expect((await login(newAddress(), user.email, PASSWORD)).status).toBe(200);
  });
});

describe('session cookie behind a TLS-terminating proxy', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ TRUST_PROXY: '1' });
  });
  afterAll(() => proxied.close());

  it('is Secure when the trusted proxy says the request came over https', async () => {
    const user = await makeUser(proxied.database.db);
    const res = await api(proxied.app, endpoints.logIn, {
      body: { email: user.email, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(res.status).toBe(200);
    const cookie = sessionCookieHeader(res.headers);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });

  it('is not Secure when the same proxy forwards plain http', async () => {
    const user = await makeUser(proxied.database.db);
    const res = await api(proxied.app, endpoints.logIn, {
      body: { email: user.email, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.10' },
    });
    expect(res.status).toBe(200);
    expect(sessionCookieHeader(res.headers)).not.toMatch(/;\s*Secure/i);
  });
});

describe('me', () => {
  it('describes an agency owner: user, agency with role, no client memberships, all abilities', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.getMe, { cookie: agency.owner.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: {
        id: agency.owner.id,
        email: agency.owner.email,
        name: agency.owner.name,
        locale: null,
        hasPassword: true,
      },
      agency: { id: agency.id, name: agency.name, role: 'owner' },
      clientMemberships: [],
      abilities: { createClient: true, manageMembers: true, inviteContacts: true, readOutbox: true },
      // A full session: not opened from a scoped link.
      scope: null,
    });
  });

  it('describes a client contact: no agency, one membership, no agency abilities', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.getMe, { cookie: agency.approver.cookie });
    expect(res.status).toBe(200);
    expect(res.body.agency).toBeNull();
    expect(res.body.clientMemberships).toEqual([
      {
        clientId: agency.client.id,
        clientName: agency.client.name,
        agencyName: agency.name,
        role: 'approver',
      },
    ]);
    expect(res.body.abilities).toEqual({
      createClient: false,
      manageMembers: false,
      inviteContacts: false,
      readOutbox: false,
    });
  });

  it('answers 401 unauthenticated without a session or with a made-up one', async () => {
    const none = await api(t.app, endpoints.getMe, {});
    expect(none.status).toBe(401);
    expect(errorOf(none).code).toBe('unauthenticated');
    const madeUp = await api(t.app, endpoints.getMe, { cookie: 'plit_session=not-a-real-session-token' });
    expect(madeUp.status).toBe(401);
  });

  it('changes name and interface language', async () => {
    const user = await makeUser(t.database.db);
    const res = await api(t.app, endpoints.updateMe, {
      cookie: user.cookie,
      body: { name: 'Олена Коваль', locale: 'uk' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'Олена Коваль', locale: 'uk' });
    const again = await api(t.app, endpoints.getMe, { cookie: user.cookie });
    expect(again.body.user).toMatchObject({ name: 'Олена Коваль', locale: 'uk' });
  });

  it('refuses an unknown interface language and an empty name', async () => {
    const user = await makeUser(t.database.db);
    const locale = await raw(t.app, 'PATCH', '/api/me', { cookie: user.cookie, body: { locale: 'de' } });
    expect(locale.status).toBe(400);
    expect(locale.body.error.fields).toHaveProperty('locale');
    const name = await raw(t.app, 'PATCH', '/api/me', { cookie: user.cookie, body: { name: '   ' } });
    expect(name.status).toBe(400);
    expect(name.body.error.fields).toHaveProperty('name');
  });
});

describe('logout and sessions', () => {
  it('logout ends the session: the old cookie answers 401', async () => {
    const user = await makeUser(t.database.db);
    const { cookie } = await login(newAddress(), user.email, PASSWORD);
    expect((await api(t.app, endpoints.getMe, { cookie })).status).toBe(200);
    const out = await api(t.app, endpoints.logOut, { cookie });
    expect(out.status).toBe(200);
    expect(sessionCookieHeader(out.headers)).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    expect((await api(t.app, endpoints.getMe, { cookie })).status).toBe(401);
    // Other sessions of the same person are untouched.
    expect((await api(t.app, endpoints.getMe, { cookie: user.cookie })).status).toBe(200);
  });

  it('lists sessions and marks the current one', async () => {
    const user = await makeUser(t.database.db);
    const second = await login(newAddress(), user.email, PASSWORD);
    const res = await api(t.app, endpoints.listSessions, { cookie: second.cookie });
    expect(res.status).toBe(200);
    expect(res.body.sessions).toHaveLength(2);
    expect(res.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const fromFirst = await api(t.app, endpoints.listSessions, { cookie: user.cookie });
    const currentHere = fromFirst.body.sessions.find((s: { current: boolean }) => s.current);
    const currentThere = res.body.sessions.find((s: { current: boolean }) => s.current);
    expect(currentHere!.id).not.toBe(currentThere!.id);
    // The public id is not the cookie value.
    expect(second.cookie).not.toContain(currentThere!.id);
  });

  it('DELETE /api/sessions/:id logs out another session and keeps this one', async () => {
    const user = await makeUser(t.database.db);
    const other = await login(newAddress(), user.email, PASSWORD);
    const list = await api(t.app, endpoints.listSessions, { cookie: other.cookie });
    const otherId = list.body.sessions.find((s: { current: boolean }) => s.current)!.id;
    const res = await api(t.app, endpoints.logOutSession, {
      params: { sessionId: otherId },
      cookie: user.cookie,
    });
    expect(res.status).toBe(200);
    expect((await api(t.app, endpoints.getMe, { cookie: other.cookie })).status).toBe(401);
    expect((await api(t.app, endpoints.getMe, { cookie: user.cookie })).status).toBe(200);
  });

  it("cannot log out someone else's session by its id", async () => {
    const victim = await makeUser(t.database.db);
    const attacker = await makeUser(t.database.db);
    const list = await api(t.app, endpoints.listSessions, { cookie: victim.cookie });
    const res = await api(t.app, endpoints.logOutSession, {
      params: { sessionId: list.body.sessions[0]!.id },
      cookie: attacker.cookie,
    });
    expect(res.status).toBe(404);
    expect((await api(t.app, endpoints.getMe, { cookie: victim.cookie })).status).toBe(200);
  });

  it('DELETE /api/sessions logs out everywhere: every cookie answers 401', async () => {
    const user = await makeUser(t.database.db);
    const second = await login(newAddress(), user.email, PASSWORD);
    const third = await login(newAddress(), user.email, PASSWORD);
    const res = await api(t.app, endpoints.logOutEverywhere, { cookie: second.cookie });
    expect(res.status).toBe(200);
    for (const cookie of [user.cookie, second.cookie, third.cookie]) {
      expect((await api(t.app, endpoints.getMe, { cookie })).status).toBe(401);
    }
  });
});

describe('change password', () => {
  it('needs the right current password, without ending the session', async () => {
    const user = await makeUser(t.database.db);
    const res = await raw(t.app, 'POST', '/api/me/password', {
      cookie: user.cookie,
      body: { currentPassword: 'not my password', newPassword: 'a much better password' },
    });
    // The person is signed in: a 401 here would read as "session over" and send them to the login page.
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('currentPassword');
    expect((await api(t.app, endpoints.getMe, { cookie: user.cookie })).status).toBe(200);
    expect((await login(newAddress(), user.email, PASSWORD)).status).toBe(200);
  });

  it('with the right current password, the new one logs in and the old one no longer does', async () => {
    const user = await makeUser(t.database.db);
    const res = await api(t.app, endpoints.changePassword, {
      cookie: user.cookie,
      body: { currentPassword: PASSWORD, newPassword: 'a much better password' },
    });
    expect(res.status).toBe(200);
    const app = newAddress();
    expect((await login(app, user.email, PASSWORD)).status).toBe(401);
    expect((await login(app, user.email, 'a much better password')).status).toBe(200);
  });

  it('[14.V2] refuses a new password shorter than 12 characters or longer than 128', async () => {
    const user = await makeUser(t.database.db);
    for (const newPassword of ['short', 'eleven char', 'x'.repeat(129)]) {
      const res = await raw(t.app, 'POST', '/api/me/password', {
        cookie: user.cookie,
        body: { currentPassword: PASSWORD, newPassword },
      });
      expect([newPassword.length, res.status]).toEqual([newPassword.length, 400]);
      expect(res.body.error.fields).toHaveProperty('newPassword');
    }
    const twelve = await raw(t.app, 'POST', '/api/me/password', {
      cookie: user.cookie,
      body: { currentPassword: PASSWORD, newPassword: 'twelve chars' },
    });
    expect(twelve.status).toBe(200);
  });
});

describe('password reset', () => {
  it('answers 202 for known and unknown emails alike, and emails only the known one', async () => {
    const user = await makeUser(t.database.db);
    const unknownEmail = `ghost-${Date.now()}@test.plit`;
    const app = newAddress();
    const known = await api(app, endpoints.requestPasswordReset, { body: { email: user.email } });
    const unknown = await api(app, endpoints.requestPasswordReset, { body: { email: unknownEmail } });
    await t.mailRound();
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(await t.sink.linkFor(user.email, 'reset-password')).toMatch(
      /^http:\/\/plit\.test\/reset-password\/[A-Za-z0-9_-]{43}$/,
    );
    expect(await lastEmailTo(unknownEmail)).toBeNull();
    expect(await linkTokenFor(user.email, 'reset-password')).toHaveLength(43);
  });

  it('the link sets the new password, ends the old sessions, logs in, and works once', async () => {
    const user = await makeUser(t.database.db);
    const app = newAddress();
    await api(app, endpoints.requestPasswordReset, { body: { email: user.email } });
    await t.mailRound();
    const token = await linkTokenFor(user.email, 'reset-password');

    const confirm = await api(app, endpoints.confirmPasswordReset, {
      body: { token, password: 'a fresh new password' },
    });
    expect(confirm.status).toBe(200);
    expect(confirm.body.user.id).toBe(user.id);
    expect(confirm.cookie).toBeTruthy();
    expect((await api(t.app, endpoints.getMe, { cookie: confirm.cookie })).status).toBe(200);
    expect((await api(t.app, endpoints.getMe, { cookie: user.cookie })).status).toBe(401);

    const loginApp = newAddress();
    expect((await login(loginApp, user.email, PASSWORD)).status).toBe(401);
    expect((await login(loginApp, user.email, 'a fresh new password')).status).toBe(200);

    const again = await api(app, endpoints.confirmPasswordReset, {
      body: { token, password: 'yet another password' },
    });
    expect(again.status).toBe(404);
    expect(errorOf(again).code).toBe('token_invalid');
  });

  it('a wrong token answers 404 token_invalid and changes nothing', async () => {
    const user = await makeUser(t.database.db);
    const res = await api(newAddress(), endpoints.confirmPasswordReset, {
      body: { token: 'x'.repeat(43), password: 'a fresh new password' },
    });
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('token_invalid');
    expect((await api(t.app, endpoints.getMe, { cookie: user.cookie })).status).toBe(200);
  });

  it("keeps a member's reset email in their own agency's outbox", async () => {
    const agency = await makeAgency(t.database.db);
    await api(newAddress(), endpoints.requestPasswordReset, { body: { email: agency.creator.email } });
    await t.mailRound();
    const box = await api(t.app, endpoints.listOutboxMessages, { cookie: agency.owner.cookie });
    expect(box.status).toBe(200);
    expect(box.body.messages.some((m: { to: string }) => m.to === agency.creator.email)).toBe(true);
  });

  it("never puts a sign-in link for a person of two agencies in either agency's outbox", async () => {
    // A brand can work with two agencies; its approver is a contact of a client in each.
    const first = await makeAgency(t.database.db);
    const second = await makeAgency(t.database.db);
    const person = await makeContact(t.database.db, first.client.id, 'approver');
    await t.database.db
      .insert(clientMembers)
      .values({ clientId: second.client.id, userId: person.id, role: 'approver' });

    const app = newAddress();
    expect((await api(app, endpoints.requestPasswordReset, { body: { email: person.email } })).status).toBe(
      202,
    );
    expect((await api(app, endpoints.requestMagicLink, { body: { email: person.email } })).status).toBe(202);
    await t.mailRound();
    // The emails exist (SMTP would deliver them)...
    expect(await lastEmailTo(person.email)).not.toBeNull();
    // ...but an owner of one agency must not be able to read them and sign in as a contact of the other.
    for (const owner of [first.owner, second.owner]) {
      const box = await api(t.app, endpoints.listOutboxMessages, { cookie: owner.cookie });
      expect(box.status).toBe(200);
      expect(box.body.messages.filter((m: { to: string }) => m.to === person.email)).toEqual([]);
    }
  });
});

describe('magic link', () => {
  it('is emailed to a client contact and signs them in once', async () => {
    const agency = await makeAgency(t.database.db);
    const app = newAddress();
    const sent = await api(app, endpoints.requestMagicLink, { body: { email: agency.approver.email } });
    expect(sent.status).toBe(202);
    await t.mailRound();
    const token = await linkTokenFor(agency.approver.email, 'magic');

    const confirm = await api(app, endpoints.confirmMagicLink, { body: { token } });
    expect(confirm.status).toBe(200);
    expect(confirm.body.user.id).toBe(agency.approver.id);
    expect(confirm.body.clientMemberships.map((m: { clientId: string }) => m.clientId)).toEqual([
      agency.client.id,
    ]);
    const me = await api(t.app, endpoints.getMe, { cookie: confirm.cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(agency.approver.id);

    const again = await api(app, endpoints.confirmMagicLink, { body: { token } });
    expect(again.status).toBe(404);
    expect(errorOf(again).code).toBe('token_invalid');
    expect(again.cookie).toBeNull();
  });

  it('is not sent to an agency member (they use passwords), yet answers the same 202', async () => {
    const agency = await makeAgency(t.database.db);
    const stranger = `nobody-${Date.now()}@test.plit`;
    const app = newAddress();
    const member = await api(app, endpoints.requestMagicLink, {
      body: { email: agency.contentManager.email },
    });
    const unknown = await api(app, endpoints.requestMagicLink, { body: { email: stranger } });
    await t.mailRound();
    expect(member.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(member.body).toEqual(unknown.body);
    expect(await lastEmailTo(agency.contentManager.email)).toBeNull();
    expect(await lastEmailTo(stranger)).toBeNull();
  });

  it('is not sent to a person with an account but no client and no agency', async () => {
    const loner = await makeUser(t.database.db);
    const res = await api(newAddress(), endpoints.requestMagicLink, { body: { email: loner.email } });
    await t.mailRound();
    expect(res.status).toBe(202);
    expect(await lastEmailTo(loner.email)).toBeNull();
  });

  it('a made-up token answers 404 token_invalid', async () => {
    const res = await api(newAddress(), endpoints.confirmMagicLink, { body: { token: 'y'.repeat(43) } });
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('token_invalid');
  });

  it('a password-reset link cannot be used as a magic link', async () => {
    const agency = await makeAgency(t.database.db);
    const client = await makeClient(t.database.db, agency.id);
    const contact = await makeContact(t.database.db, client.id, 'contributor');
    const app = newAddress();
    await api(app, endpoints.requestPasswordReset, { body: { email: contact.email } });
    await t.mailRound();
    const token = await linkTokenFor(contact.email, 'reset-password');
    const res = await api(app, endpoints.confirmMagicLink, { body: { token } });
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('token_invalid');
  });
});
