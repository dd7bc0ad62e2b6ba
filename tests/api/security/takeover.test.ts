import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueEmailToken } from '../../../src/server/auth/emailTokens.ts';
import { passwordHashes } from '../../../src/server/auth/passwords.ts';
import { verifyEmail } from '../../../src/server/auth/verifyEmail.ts';
import { sessionIfPasswordStill } from '../../../src/server/commands/accounts/logIn.ts';
import { sessions, users } from '../../../src/server/db/schema/index.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { closeCodes } from '../../../src/shared/live.ts';
import { fromNewAddress } from '../../support/addresses.ts';
import { errorOf } from '../../support/errors.ts';
import { makeAgency, makeUser, PASSWORD, type TestAgency } from '../../support/factories.ts';
import { api } from '../../support/http.ts';
import { listen, openLive } from '../../support/live.ts';
import { withMailedApp } from '../../support/mailedApp.ts';

// Issue 14, the V2 probe's finding A: an invitation link is enough to create the invited
// person's account, and its sender may copy it. The sender accepts it, picks a password and
// keeps a session; when the real person later signs in by an emailed link and joins another
// agency, the sender would see that too. Links are read where each person would read them: the
// SMTP sink (the sender reads their own invitation there for the test's sake).

const ORIGIN = 'http://plit.test';
const ATTACKER_PASSWORD = 'the sender chose this 14';
const PERSON_PASSWORD = 'the real person chose this 14';

const t = withMailedApp({ PUBLIC_URL: ORIGIN });
let host: string;
beforeAll(async () => {
  host = await listen(t.app);
});

let counter = 0;
const freshEmail = () => `invitee-${Date.now().toString(36)}-${counter++}@example.com`;
const tokenOf = (link: string) => link.split('/').at(-1)!;

/** The secret of the link that `send` has emailed to the address (waiting for that email). */
async function linkSent(email: string, kind: string, send: () => Promise<{ status: number }>) {
  const earlier = t.sink.received.filter((m) => m.to.includes(email)).length;
  expect((await send()).status).toBeLessThan(300);
  // Sign-in and reset requests are handled by the mail worker after the answer: one round of it.
  await t.mailRound();
  await t.sink.waitFor(email, { after: earlier });
  return tokenOf(await t.sink.linkFor(email, kind));
}

/** The agency's owner invites the address to a client and reads the link. */
const inviteToClient = (agency: TestAgency, email: string, clientId = agency.client.id) =>
  linkSent(email, 'invite', () =>
    api(t.app, endpoints.sendInvitation, {
      cookie: agency.owner.cookie,
      body: { email, role: 'approver', clientId },
    }),
  );

/** The scenario's first half: agency X's owner accepts their own invitation, with a password. */
async function senderTakesTheAccount(email: string) {
  const x = await makeAgency(t.database.db);
  const token = await inviteToClient(x, email);
  const accepted = await api(fromNewAddress(t.app), endpoints.acceptInvitation, {
    body: { token, name: 'Not really the person', password: ATTACKER_PASSWORD },
  });
  expect(accepted.status).toBe(200);
  expect(accepted.cookie).toBeTruthy();
  const attacker = accepted.cookie!;
  expect((await api(t.app, endpoints.getMe, { cookie: attacker })).status).toBe(200);
  return { x, attacker };
}

/** The real person signs in with a sign-in link emailed to them. */
async function personSignsInByMagicLink(email: string): Promise<string> {
  const token = await linkSent(email, 'magic', () =>
    api(fromNewAddress(t.app), endpoints.requestMagicLink, { body: { email } }),
  );
  const confirmed = await api(fromNewAddress(t.app), endpoints.confirmMagicLink, { body: { token } });
  expect(confirmed.status).toBe(200);
  return confirmed.cookie!;
}

const logIn = (email: string, password: string) =>
  api(fromNewAddress(t.app), endpoints.logIn, { body: { email, password } });

describe('[14.V2] an invitation link does not let its sender keep the invitee’s account', () => {
  it('[14.V2] the sender who accepted the invitation is shut out once the person signs in with a magic link', async () => {
    const email = freshEmail();
    const { attacker } = await senderTakesTheAccount(email);
    const socket = await openLive(host, attacker);

    const person = await personSignsInByMagicLink(email);

    expect((await api(t.app, endpoints.getMe, { cookie: attacker })).status).toBe(401);
    expect((await socket.closed).code).toBe(closeCodes.unauthorized);
    const guessed = await logIn(email, ATTACKER_PASSWORD);
    expect(guessed.status).toBe(401);
    expect(guessed.cookie).toBeNull();
    // The person is in, without the sender's password: they set their own if they want one.
    const me = await api(t.app, endpoints.getMe, { cookie: person });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, hasPassword: false });
  });

  it('[14.V2] the sender is shut out once the person resets the password, and the new password is theirs', async () => {
    const email = freshEmail();
    const { attacker } = await senderTakesTheAccount(email);

    const token = await linkSent(email, 'reset-password', () =>
      api(fromNewAddress(t.app), endpoints.requestPasswordReset, { body: { email } }),
    );
    const reset = await api(fromNewAddress(t.app), endpoints.confirmPasswordReset, {
      body: { token, password: PERSON_PASSWORD },
    });
    expect(reset.status).toBe(200);

    expect((await api(t.app, endpoints.getMe, { cookie: attacker })).status).toBe(401);
    expect((await logIn(email, ATTACKER_PASSWORD)).status).toBe(401);
    expect((await logIn(email, PERSON_PASSWORD)).status).toBe(200);
    expect((await api(t.app, endpoints.getMe, { cookie: reset.cookie })).status).toBe(200);
  });

  it("[14.V2] an unverified account cannot accept another agency's invitation (email_unverified); once verified it can", async () => {
    const email = freshEmail();
    const taken = await senderTakesTheAccount(email);
    const { x } = taken;
    // The same agency may add it elsewhere: it already sees what the account sees.
    const again = await inviteToClient(x, email, x.otherClient.id);
    const joinedX = await api(fromNewAddress(t.app), endpoints.acceptInvitation, {
      body: { token: again },
      cookie: taken.attacker,
    });
    expect(joinedX.status).toBe(200);
    // Accepting signs the browser in afresh: its session is a new one.
    const attacker = joinedX.cookie!;
    expect((await api(t.app, endpoints.getMe, { cookie: taken.attacker })).status).toBe(401);

    const y = await makeAgency(t.database.db);
    const yToken = await inviteToClient(y, email);
    const refused = await api(fromNewAddress(t.app), endpoints.acceptInvitation, {
      body: { token: yToken },
      cookie: attacker,
    });
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('email_unverified');
    const seen = await api(t.app, endpoints.listClients, { cookie: attacker });
    expect(seen.body.clients.map((c: { id: string }) => c.id)).not.toContain(y.client.id);

    const person = await personSignsInByMagicLink(email);
    const joined = await api(fromNewAddress(t.app), endpoints.acceptInvitation, {
      body: { token: yToken },
      cookie: person,
    });
    expect(joined.status).toBe(200);
    expect(joined.body.clientMemberships.map((m: { clientId: string }) => m.clientId)).toContain(y.client.id);
    expect((await api(t.app, endpoints.getMe, { cookie: attacker })).status).toBe(401);
  });

  it('[14.V2] once verified, a later sign-in link ends no other session and keeps the password', async () => {
    const x = await makeAgency(t.database.db);
    const contact = x.approver;
    const link = await issueEmailToken(t.database.db, contact.id, 'magic_link');
    const used = await api(fromNewAddress(t.app), endpoints.confirmMagicLink, { body: { token: link } });
    expect(used.status).toBe(200);
    expect((await api(t.app, endpoints.getMe, { cookie: contact.cookie })).status).toBe(200);
    expect((await logIn(contact.email, PASSWORD)).status).toBe(200);
  });

  it('[14.V2] a reset with a made-up or used token is refused before any password is hashed', async () => {
    const person = await makeUser(t.database.db);
    const token = await issueEmailToken(t.database.db, person.id, 'password_reset');
    const reset = (withToken: string) =>
      api(fromNewAddress(t.app), endpoints.confirmPasswordReset, {
        body: { token: withToken, password: PERSON_PASSWORD },
      });

    const before = passwordHashes.count;
    expect((await reset('made-up-token-that-matches-nothing-at-all')).status).toBe(404);
    expect(passwordHashes.count).toBe(before);

    expect((await reset(token)).status).toBe(200);
    expect(passwordHashes.count).toBe(before + 1);
    const usedAgain = passwordHashes.count;
    expect((await reset(token)).status).toBe(404);
    expect(passwordHashes.count).toBe(usedAgain);
  });

  it('[14.V2] a login whose password was cleared while argon2 checked it gets no session', async () => {
    const person = await makeUser(t.database.db, { verified: false });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, person.id));
    const checked = row!.passwordHash!;
    const origin = { userAgent: null, ip: '198.51.100.14' };
    // The person's first emailed link lands between the check and the session's insert.
    await t.database.db.transaction((tx) => verifyEmail(tx, person.id));

    expect(await sessionIfPasswordStill(t.database.db, person.id, checked, 1, origin)).toBeNull();
    const left = await t.database.db.select().from(sessions).where(eq(sessions.userId, person.id));
    expect(left).toEqual([]);
    expect((await api(t.app, endpoints.getMe, { cookie: person.cookie })).status).toBe(401);
  });
});
