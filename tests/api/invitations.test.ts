import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invitations, outbox } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { BodyOf } from '../../src/shared/api/endpoint.ts';
import { fromNewAddress } from '../support/addresses.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, makeUser, PASSWORD, type TestAgency } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';
import { withMailedApp } from '../support/mailedApp.ts';

// Invitation links are read where the invited person reads them, not in the owners' outbox.
const t = withMailedApp();

let counter = 0;
const freshEmail = (label: string) => `${label}-${Date.now().toString(36)}-${counter++}@example.com`;

async function lastEmailTo(email: string) {
  const [row] = await t.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.toEmail, email))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row ?? null;
}

/** The link secret from the first invitation email to this address after `after` of them. */
async function inviteToken(email: string, after: number): Promise<string> {
  const match = (await t.sink.linkFor(email, 'invite', { after })).match(
    /^http:\/\/plit\.test\/invite\/([A-Za-z0-9_-]{43})$/,
  );
  expect(match, `an invitation link in the email to ${email}`).toBeTruthy();
  return match![1]!;
}

type InvitationBody = BodyOf<typeof endpoints.sendInvitation>;

async function invite(cookie: string, body: InvitationBody) {
  const email = String(body.email).toLowerCase();
  const before = t.sink.linkCount(email, 'invite');
  const res = await api(t.app, endpoints.sendInvitation, { cookie, body });
  expect(res.status).toBe(201);
  return { invitation: res.body.invitation, token: await inviteToken(email, before) };
}

const inviteContact = (agency: TestAgency, email: string, role: InvitationBody['role'] = 'approver') =>
  invite(agency.contentManager.cookie, { email, role, clientId: agency.client.id });
const inviteMember = (agency: TestAgency, email: string, role: InvitationBody['role'] = 'creator') =>
  invite(agency.owner.cookie, { email, role });

// Invitation links are rate-limited per address: each call comes from a new one.
const preview = (token: string) =>
  api(fromNewAddress(t.app), endpoints.previewInvitation, { query: { token } });
const accept = (body: BodyOf<typeof endpoints.acceptInvitation>, cookie?: string) =>
  api(fromNewAddress(t.app), endpoints.acceptInvitation, { body, cookie: cookie ?? null });
const anonymous = () => fromNewAddress(t.app);

describe('sending invitations', () => {
  it('an owner invites an agency member; a bilingual email with the link is sent and kept in the outbox', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('Designer');
    const res = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email, role: 'creator' },
    });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({
      email: email.toLowerCase(),
      role: 'creator',
      clientId: null,
      clientName: null,
      invitedByName: agency.owner.name,
      status: 'pending',
    });
    // The person gets the link in both parts of the email...
    const sent = await t.sink.waitFor(email);
    expect(sent.subject).toContain('Запрошення');
    for (const part of [sent.text, sent.html]) {
      expect(part).toMatch(/http:\/\/plit\.test\/invite\/[A-Za-z0-9_-]{43}/);
    }
    // ...and the agency's outbox keeps it.
    const mail = await lastEmailTo(email.toLowerCase());
    expect(mail).not.toBeNull();
    expect(mail!.agencyId).toBe(agency.id);
    expect(mail!.subject).toContain('Запрошення');
    expect(mail!.subject).toContain('Invitation');
    for (const part of [mail!.text, mail!.html]) {
      expect(part).toContain('креатор');
      expect(part).toContain('creator');
      expect(part).toContain(agency.name);
    }
    const list = await api(t.app, endpoints.listInvitations, { cookie: agency.owner.cookie });
    expect(list.body.invitations.map((i: { id: string }) => i.id)).toContain(res.body.invitation.id);
  });

  it('a content manager invites a client contact, named in the email', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('brand-lead');
    const res = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.contentManager.cookie,
      body: { email, role: 'approver', clientId: agency.client.id },
    });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({
      role: 'approver',
      clientId: agency.client.id,
      clientName: agency.client.name,
      status: 'pending',
    });
    const mail = await lastEmailTo(email);
    expect(mail?.text).toContain(agency.client.name);
    expect(mail?.text).toContain('погоджувач');
    expect(mail?.text).toContain('approver');
    const contacts = await api(t.app, endpoints.listContacts, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
    });
    expect(contacts.body.invitations.map((i: { email: string }) => i.email)).toEqual([email]);
  });

  it('a content manager cannot invite agency members, a creator cannot invite anyone', async () => {
    const agency = await makeAgency(t.database.db);
    const member = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.contentManager.cookie,
      body: { email: freshEmail('cm'), role: 'creator' },
    });
    expect(member.status).toBe(403);
    const contact = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.creator.cookie,
      body: { email: freshEmail('cr'), role: 'approver', clientId: agency.client.id },
    });
    expect(contact.status).toBe(403);
  });

  it("inviting a contact to another agency's client answers 404", async () => {
    const agency = await makeAgency(t.database.db);
    const other = await makeAgency(t.database.db);
    const email = freshEmail('sneaky');
    const res = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email, role: 'approver', clientId: other.client.id },
    });
    expect(res.status).toBe(404);
    expect(await lastEmailTo(email)).toBeNull();
  });

  it('refuses a role that does not fit the place: owner of a client, approver of the agency', async () => {
    const agency = await makeAgency(t.database.db);
    const clientOwner = await raw(t.app, 'POST', '/api/invitations', {
      cookie: agency.owner.cookie,
      body: { email: freshEmail('x'), role: 'owner', clientId: agency.client.id },
    });
    expect(clientOwner.status).toBe(400);
    expect(clientOwner.body.error.code).toBe('validation_failed');
    expect(clientOwner.body.error.fields).toHaveProperty('role');
    const agencyApprover = await raw(t.app, 'POST', '/api/invitations', {
      cookie: agency.owner.cookie,
      body: { email: freshEmail('y'), role: 'approver' },
    });
    expect(agencyApprover.status).toBe(400);
    expect(agencyApprover.body.error.fields).toHaveProperty('role');
  });

  it('inviting someone already a member or contact answers 409 already_member', async () => {
    const agency = await makeAgency(t.database.db);
    const member = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email: agency.creator.email, role: 'content_manager' },
    });
    expect(member.status).toBe(409);
    expect(errorOf(member).code).toBe('already_member');
    const contact = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email: agency.approver.email.toUpperCase(), role: 'contributor', clientId: agency.client.id },
    });
    expect(contact.status).toBe(409);
    expect(errorOf(contact).code).toBe('already_member');
  });

  it('inviting a member of another agency as an agency member answers 409 other_agency', async () => {
    const agency = await makeAgency(t.database.db);
    const other = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email: other.contentManager.email, role: 'creator' },
    });
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('other_agency');
    expect(await lastEmailTo(other.contentManager.email)).toBeNull();
  });

  it('a newer invitation to the same person and place replaces the unanswered one', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('twice');
    const first = await inviteContact(agency, email);
    const second = await inviteContact(agency, email, 'contributor');
    expect((await preview(first.token)).status).toBe(404);
    const now = await preview(second.token);
    expect(now.status).toBe(200);
    expect(now.body.role).toBe('contributor');
  });
});

describe('preview', () => {
  it('shows agency, role and that an agency member needs a password', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('new-cm');
    const { token } = await inviteMember(agency, email, 'content_manager');
    const res = await preview(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      email,
      role: 'content_manager',
      agencyName: agency.name,
      clientName: null,
      existingUser: false,
      passwordRequired: true,
    });
  });

  it('shows client and role, and that a client contact needs no password', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('new-approver');
    const { token } = await inviteContact(agency, email);
    const res = await preview(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      email,
      role: 'approver',
      agencyName: agency.name,
      clientName: agency.client.name,
      existingUser: false,
      passwordRequired: false,
    });
  });

  it('a made-up token answers 404 token_invalid', async () => {
    const res = await preview('z'.repeat(43));
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('token_invalid');
  });
});

describe('accepting', () => {
  it('a new client contact accepts without a password, is logged in and sees only that client', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('approver');
    const { token } = await inviteContact(agency, email);
    const res = await accept({ token, name: 'Ірина Бренд' });
    expect(res.status).toBe(200);
    expect(res.cookie).toBeTruthy();
    expect(res.body.user).toMatchObject({ email, name: 'Ірина Бренд', hasPassword: false });
    expect(res.body.agency).toBeNull();

    const clients = await api(t.app, endpoints.listClients, { cookie: res.cookie });
    expect(clients.status).toBe(200);
    expect(clients.body.clients.map((c: { id: string }) => c.id)).toEqual([agency.client.id]);
    const contacts = await api(t.app, endpoints.listContacts, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
    });
    expect(contacts.body.contacts.map((c: { email: string }) => c.email)).toContain(email);
    expect(contacts.body.invitations).toEqual([]);
    const events = await api(t.app, endpoints.listClientEvents, {
      params: { clientId: agency.client.id },
      cookie: agency.owner.cookie,
    });
    expect(events.body.events.map((e: { type: string }) => e.type)).toEqual([
      'contact.joined',
      'contact.invited',
    ]);
  });

  it('the link works once', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('once');
    const { token, invitation } = await inviteContact(agency, email);
    expect((await accept({ token, name: 'Once' })).status).toBe(200);
    const again = await accept({ token, name: 'Twice' });
    expect(again.status).toBe(404);
    expect(errorOf(again).code).toBe('token_invalid');
    expect(again.cookie).toBeNull();
    expect((await preview(token)).status).toBe(404);
    const list = await api(t.app, endpoints.listInvitations, { cookie: agency.owner.cookie });
    expect(list.body.invitations.find((i: { id: string }) => i.id === invitation.id)!.status).toBe(
      'accepted',
    );
  });

  it('a new agency member needs a password: without one, 400 fields.password and nothing is used up', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('creator');
    const { token } = await inviteMember(agency, email);
    const refused = await raw(anonymous(), 'POST', '/api/invitations/accept', {
      body: { token, name: 'No Password' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.fields).toHaveProperty('password');
    expect(refused.cookie).toBeNull();

    const ok = await accept({ token, name: 'With Password', password: 'a strong new password' });
    expect(ok.status).toBe(200);
    expect(ok.body.agency).toMatchObject({ id: agency.id, role: 'creator' });
    expect(ok.body.user.hasPassword).toBe(true);
    const login = await api(anonymous(), endpoints.logIn, {
      body: { email, password: 'a strong new password' },
    });
    expect(login.status).toBe(200);
  });

  it('a new account needs a name', async () => {
    const agency = await makeAgency(t.database.db);
    const { token } = await inviteContact(agency, freshEmail('nameless'));
    const res = await raw(anonymous(), 'POST', '/api/invitations/accept', { body: { token } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('name');
  });

  it('a contact without a password can later sign in with the magic link', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('passwordless');
    const { token } = await inviteContact(agency, email, 'contributor');
    expect((await accept({ token, name: 'Passwordless' })).status).toBe(200);
    // No password to log in with...
    const login = await api(anonymous(), endpoints.logIn, { body: { email, password: 'anything at all' } });
    expect(login.status).toBe(401);
    // ...so an emailed link it is.
    expect((await api(anonymous(), endpoints.requestMagicLink, { body: { email } })).status).toBe(202);
    // The mail worker handles the request after the answer: one round of it.
    await t.mailRound();
    const magic = (await t.sink.linkFor(email, 'magic')).match(
      /^http:\/\/plit\.test\/magic\/([A-Za-z0-9_-]{43})$/,
    )?.[1];
    expect(magic).toBeTruthy();
    const signedIn = await api(anonymous(), endpoints.confirmMagicLink, { body: { token: magic! } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.email).toBe(email);
    expect(signedIn.body.clientMemberships).toEqual([
      expect.objectContaining({ clientId: agency.client.id, role: 'contributor' }),
    ]);
  });

  it('a revoked invitation answers 404 to preview and accept', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('revoked');
    const { token, invitation } = await inviteContact(agency, email);
    const revoke = await api(t.app, endpoints.revokeInvitation, {
      params: { invitationId: invitation.id },
      cookie: agency.contentManager.cookie,
    });
    expect(revoke.status).toBe(200);
    expect((await preview(token)).status).toBe(404);
    const res = await accept({ token, name: 'Too Late' });
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('token_invalid');
    const list = await api(t.app, endpoints.listInvitations, { cookie: agency.owner.cookie });
    expect(list.body.invitations.find((i: { id: string }) => i.id === invitation.id)!.status).toBe('revoked');
  });

  it('an expired invitation answers 404 to preview and accept', async () => {
    const agency = await makeAgency(t.database.db);
    const { token, invitation } = await inviteContact(agency, freshEmail('expired'));
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, invitation.id));
    expect((await preview(token)).status).toBe(404);
    const res = await accept({ token, name: 'Too Late' });
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('token_invalid');
    const list = await api(t.app, endpoints.listInvitations, { cookie: agency.owner.cookie });
    expect(list.body.invitations.find((i: { id: string }) => i.id === invitation.id)!.status).toBe('expired');
  });

  it('resend issues a new link; the old one stops working and the new one works', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('resend');
    const { token: oldToken, invitation } = await inviteContact(agency, email);
    const before = t.sink.linkCount(email, 'invite');
    const res = await api(t.app, endpoints.resendInvitation, {
      params: { invitationId: invitation.id },
      cookie: agency.contentManager.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.body.invitation.status).toBe('pending');
    const newToken = await inviteToken(email, before);
    expect(newToken).not.toBe(oldToken);
    expect((await preview(oldToken)).status).toBe(404);
    expect((await accept({ token: oldToken, name: 'Old Link' })).status).toBe(404);
    expect((await accept({ token: newToken, name: 'New Link' })).status).toBe(200);
  });

  it('resend also revives an expired invitation', async () => {
    const agency = await makeAgency(t.database.db);
    const email = freshEmail('revive');
    const { invitation } = await inviteContact(agency, email);
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, invitation.id));
    const before = t.sink.linkCount(email, 'invite');
    const res = await api(t.app, endpoints.resendInvitation, {
      params: { invitationId: invitation.id },
      cookie: agency.contentManager.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.body.invitation.status).toBe('pending');
    expect((await preview(await inviteToken(email, before))).status).toBe(200);
  });

  it("another agency's invitation cannot be resent or revoked (404)", async () => {
    const agency = await makeAgency(t.database.db);
    const other = await makeAgency(t.database.db);
    const { token, invitation } = await inviteContact(agency, freshEmail('theirs'));
    const resend = await api(t.app, endpoints.resendInvitation, {
      params: { invitationId: invitation.id },
      cookie: other.owner.cookie,
    });
    expect(resend.status).toBe(404);
    const revoke = await api(t.app, endpoints.revokeInvitation, {
      params: { invitationId: invitation.id },
      cookie: other.owner.cookie,
    });
    expect(revoke.status).toBe(404);
    expect((await preview(token)).status).toBe(200);
  });
});

describe('accepting as an existing account', () => {
  it('the link alone does not sign in as an existing account (the inviting owner may hold it)', async () => {
    const attacker = await makeAgency(t.database.db);
    const victim = await makeAgency(t.database.db);
    // An owner invites another agency's owner as a contact of one of their own clients...
    const invited = await api(t.app, endpoints.sendInvitation, {
      cookie: attacker.owner.cookie,
      body: { email: victim.owner.email, role: 'approver', clientId: attacker.client.id },
    });
    expect(invited.status).toBe(201);
    // ...holds the link (an invitation is meant to be passed on: its sender may copy it)...
    const token = await inviteToken(victim.owner.email, 0);
    // ...and tries to accept it without being that person.
    const res = await accept({ token });
    expect(res.status).toBe(401);
    expect(res.cookie).toBeNull();
    const signedInAsSomeoneElse = await accept({ token }, attacker.owner.cookie);
    expect(signedInAsSomeoneElse.status).toBe(403);
    expect(signedInAsSomeoneElse.cookie).toBeNull();
    // Nothing was used up or granted.
    expect((await preview(token)).status).toBe(200);
    const me = await api(t.app, endpoints.getMe, { cookie: victim.owner.cookie });
    expect(me.body.clientMemberships).toEqual([]);
  });

  it('signed in as the invited account, accepting adds the membership', async () => {
    const agency = await makeAgency(t.database.db);
    const person = await makeUser(t.database.db);
    const { token } = await inviteContact(agency, person.email);
    const shown = await preview(token);
    expect(shown.body).toMatchObject({ existingUser: true, passwordRequired: false });
    const res = await accept({ token }, person.cookie);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(person.id);
    expect(res.body.clientMemberships).toEqual([
      expect.objectContaining({ clientId: agency.client.id, role: 'approver' }),
    ]);
    // Their password is what it was.
    const login = await api(anonymous(), endpoints.logIn, {
      body: { email: person.email, password: PASSWORD },
    });
    expect(login.status).toBe(200);
  });
});

describe('members', () => {
  it('every agency member sees the members; a client contact does not', async () => {
    const agency = await makeAgency(t.database.db);
    const list = await api(t.app, endpoints.listMembers, { cookie: agency.creator.cookie });
    expect(list.status).toBe(200);
    expect(list.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [agency.owner.id, agency.contentManager.id, agency.creator.id].sort(),
    );
    expect((await api(t.app, endpoints.listMembers, { cookie: agency.approver.cookie })).status).toBe(403);
  });

  it("an owner changes a member's role", async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.changeMemberRole, {
      params: { userId: agency.creator.id },
      cookie: agency.owner.cookie,
      body: { role: 'content_manager' },
    });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({ userId: agency.creator.id, role: 'content_manager' });
    const me = await api(t.app, endpoints.getMe, { cookie: agency.creator.cookie });
    expect(me.body.agency!.role).toBe('content_manager');
    expect(me.body.abilities.createClient).toBe(true);
  });

  it('only owners change roles', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.changeMemberRole, {
      params: { userId: agency.creator.id },
      cookie: agency.contentManager.cookie,
      body: { role: 'owner' },
    });
    expect(res.status).toBe(403);
    const me = await api(t.app, endpoints.getMe, { cookie: agency.creator.cookie });
    expect(me.body.agency!.role).toBe('creator');
  });

  it('an owner removes a member, whose sessions end', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.removeMember, {
      params: { userId: agency.contentManager.id },
      cookie: agency.owner.cookie,
    });
    expect(res.status).toBe(200);
    expect((await api(t.app, endpoints.getMe, { cookie: agency.contentManager.cookie })).status).toBe(401);
    const list = await api(t.app, endpoints.listMembers, { cookie: agency.owner.cookie });
    expect(list.body.members.map((m: { userId: string }) => m.userId)).not.toContain(
      agency.contentManager.id,
    );
  });

  it('the last owner can be neither removed nor demoted (409 last_owner)', async () => {
    const agency = await makeAgency(t.database.db);
    const remove = await api(t.app, endpoints.removeMember, {
      params: { userId: agency.owner.id },
      cookie: agency.owner.cookie,
    });
    expect(remove.status).toBe(409);
    expect(errorOf(remove).code).toBe('last_owner');
    const demote = await api(t.app, endpoints.changeMemberRole, {
      params: { userId: agency.owner.id },
      cookie: agency.owner.cookie,
      body: { role: 'creator' },
    });
    expect(demote.status).toBe(409);
    expect(errorOf(demote).code).toBe('last_owner');
    const me = await api(t.app, endpoints.getMe, { cookie: agency.owner.cookie });
    expect(me.body.agency!.role).toBe('owner');
  });

  it('with a second owner, the first may step down', async () => {
    const agency = await makeAgency(t.database.db);
    const promote = await api(t.app, endpoints.changeMemberRole, {
      params: { userId: agency.contentManager.id },
      cookie: agency.owner.cookie,
      body: { role: 'owner' },
    });
    expect(promote.status).toBe(200);
    const stepDown = await api(t.app, endpoints.changeMemberRole, {
      params: { userId: agency.owner.id },
      cookie: agency.owner.cookie,
      body: { role: 'content_manager' },
    });
    expect(stepDown.status).toBe(200);
    // Now the former content manager is the only owner.
    const last = await api(t.app, endpoints.removeMember, {
      params: { userId: agency.contentManager.id },
      cookie: agency.contentManager.cookie,
    });
    expect(last.status).toBe(409);
  });

  it("another agency's member answers 404", async () => {
    const agency = await makeAgency(t.database.db);
    const other = await makeAgency(t.database.db);
    const patch = await api(t.app, endpoints.changeMemberRole, {
      params: { userId: other.creator.id },
      cookie: agency.owner.cookie,
      body: { role: 'owner' },
    });
    expect(patch.status).toBe(404);
    const remove = await api(t.app, endpoints.removeMember, {
      params: { userId: other.creator.id },
      cookie: agency.owner.cookie,
    });
    expect(remove.status).toBe(404);
    expect((await api(t.app, endpoints.getMe, { cookie: other.creator.cookie })).body.agency!.role).toBe(
      'creator',
    );
  });
});
