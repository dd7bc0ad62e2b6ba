import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { issueEmailToken } from '../../../src/server/auth/emailTokens.ts';
import { issueLink } from '../../../src/server/auth/scopedLinks.ts';
import { hashToken } from '../../../src/server/auth/tokens.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { closeCodes, collabSocketUrl, teamRoom } from '../../../src/shared/live.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { makeAgency, PASSWORD, signIn } from '../../support/factories.ts';
import { makeSentRequest } from '../../support/facts.ts';
import { api, raw } from '../../support/http.ts';
import { listen, openLive } from '../../support/live.ts';

// Issue 14, findings 3 and 4: a new password, a reset and a logout end what they should, and
// only that. Emailed links are issued straight from the server's own functions: how they
// reach the person (outbox, SMTP) is another finding's business.

const ORIGIN = 'http://plit.test';
const NEW_PASSWORD = 'a brand new passphrase 14';

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: ORIGIN });
  host = await listen(t.app);
});
afterAll(() => t.close());

/** A raw collaboration socket with a session cookie: open until the server closes it. */
async function openCollab(cookie: string) {
  const socket = new WebSocket(collabSocketUrl(`http://${host}`), { headers: { cookie, origin: ORIGIN } });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed };
}

/** Long enough for a close sent by the server to arrive, were one sent. */
const settle = () => new Promise((r) => setTimeout(r, 300));

const changePassword = (cookie: string) =>
  api(t.app, endpoints.changePassword, {
    cookie,
    body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
  });

describe("[14.3] a password change ends the rest of the person's access", () => {
  it('[14.3] after a password change another session of the person gets 401, the current one still works', async () => {
    const agency = await makeAgency(t.database.db);
    const here = agency.creator.cookie;
    const elsewhere = await signIn(t.database.db, agency.creator.id);
    expect((await api(t.app, endpoints.getMe, { cookie: elsewhere })).status).toBe(200);

    expect((await changePassword(here)).status).toBe(200);

    expect((await api(t.app, endpoints.getMe, { cookie: elsewhere })).status).toBe(401);
    expect((await api(t.app, endpoints.getMe, { cookie: here })).status).toBe(200);
  });

  it("[14.3] after a password change the person's fact link, sign-in link and reset link no longer sign in", async () => {
    const agency = await makeAgency(t.database.db);
    const contact = agency.approver;
    const { request } = await makeSentRequest(t.database.db, agency, [
      { question: 'Opening hours in December?', kind: 'text', contactId: contact.id },
    ]);
    const factLink = await issueLink(t.database.db, {
      userId: contact.id,
      clientId: agency.client.id,
      kind: 'facts',
      subjectId: request.id,
    });
    const magicLink = await issueEmailToken(t.database.db, contact.id, 'magic_link');
    const resetLink = await issueEmailToken(t.database.db, contact.id, 'password_reset');

    expect((await changePassword(contact.cookie)).status).toBe(200);

    const fact = await api(t.app, endpoints.openLink, { body: { token: factLink } });
    const magic = await api(t.app, endpoints.confirmMagicLink, { body: { token: magicLink } });
    const reset = await api(t.app, endpoints.confirmPasswordReset, {
      body: { token: resetLink, password: 'a stranger picks this 14' },
    });
    for (const answer of [fact, magic, reset]) {
      expect(answer.status).toBe(404);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it("[14.3] a password change closes the person's live socket elsewhere with 4401, not the current session's", async () => {
    const agency = await makeAgency(t.database.db);
    const here = agency.contentManager.cookie;
    const elsewhere = await signIn(t.database.db, agency.contentManager.id);
    const liveHere = await openLive(host, here);
    const liveElsewhere = await openLive(host, elsewhere);
    await liveHere.subscribe(teamRoom(agency.client.id));
    await liveElsewhere.subscribe(teamRoom(agency.client.id));

    expect((await changePassword(here)).status).toBe(200);

    expect((await liveElsewhere.closed).code).toBe(closeCodes.unauthorized);
    await settle();
    liveHere.send({ type: 'ping' });
    expect(await liveHere.next((f) => f.type === 'pong')).toMatchObject({ type: 'pong' });
    liveHere.close();
  });
});

describe('[14.V3] signing in replaces the browser session it came with', () => {
  it('[14.V3] a login, or a link opened, ends the session whose cookie the browser sent, and its socket', async () => {
    const agency = await makeAgency(t.database.db);
    const before = agency.owner.cookie;
    const live = await openLive(host, before);
    const login = await api(t.app, endpoints.logIn, {
      cookie: before,
      headers: { origin: ORIGIN },
      body: { email: agency.owner.email, password: PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.cookie).not.toBe(before);
    expect((await api(t.app, endpoints.getMe, { cookie: before })).status).toBe(401);
    expect((await live.closed).code).toBe(closeCodes.unauthorized);
    expect((await api(t.app, endpoints.getMe, { cookie: login.cookie! })).status).toBe(200);
    // The person's other sessions are theirs: a sign-in elsewhere ends nothing here.
    const elsewhere = await signIn(t.database.db, agency.owner.id);
    await api(t.app, endpoints.logIn, {
      headers: { origin: ORIGIN },
      body: { email: agency.owner.email, password: PASSWORD },
    });
    expect((await api(t.app, endpoints.getMe, { cookie: elsewhere })).status).toBe(200);

    // A contact's link opened on a computer someone else is signed in on.
    const { request } = await makeSentRequest(t.database.db, agency, [
      { question: 'Opening hours in December?', kind: 'text', contactId: agency.approver.id },
    ]);
    const token = await issueLink(t.database.db, {
      userId: agency.approver.id,
      clientId: agency.client.id,
      kind: 'facts',
      subjectId: request.id,
    });
    const opened = await api(t.app, endpoints.openLink, {
      cookie: login.cookie!,
      headers: { origin: ORIGIN },
      body: { token },
    });
    expect(opened.status).toBe(200);
    expect((await api(t.app, endpoints.getMe, { cookie: login.cookie! })).status).toBe(401);
  });
});

describe('[14.3] reset links', () => {
  it('[14.3] an older reset link stops working once a newer one was used', async () => {
    const agency = await makeAgency(t.database.db);
    const person = agency.creator;
    const older = await issueEmailToken(t.database.db, person.id, 'password_reset');
    const newer = await issueEmailToken(t.database.db, person.id, 'password_reset');

    const used = await api(t.app, endpoints.confirmPasswordReset, {
      body: { token: newer, password: NEW_PASSWORD },
    });
    expect(used.status).toBe(200);

    const again = await api(t.app, endpoints.confirmPasswordReset, {
      body: { token: older, password: 'an attacker picks this 14' },
    });
    expect(again.status).toBe(404);
    // The password is the one the person set with the newer link.
    const login = await api(t.app, endpoints.logIn, {
      body: { email: person.email, password: NEW_PASSWORD },
    });
    expect(login.status).toBe(200);
  });
});

describe('[14.4] sockets die with their session', () => {
  it('[A4][14.4] a session that expires closes its live and collab sockets then', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = await signIn(t.database.db, agency.contentManager.id);
    // The session ends by itself in a moment (as after SESSION_DAYS): no logout, no endAccess.
    const token = cookie.replace(/^plit_session=/, '').split(';')[0]!;
    await t.database.db.execute(
      sql`update sessions set expires_at = now() + interval '2500 milliseconds' where id = ${hashToken(token)}`,
    );
    const live = await openLive(host, cookie);
    const collab = await openCollab(cookie);
    expect((await live.closed).code).toBe(closeCodes.unauthorized);
    expect(await collab.closed).toBe(closeCodes.unauthorized);
    // The agency's other sessions are untouched.
    expect((await api(t.app, endpoints.getMe, { cookie: agency.contentManager.cookie })).status).toBe(200);
  });

  it("[A4][14.4] logging out closes that session's live and collab sockets, and only those", async () => {
    const agency = await makeAgency(t.database.db);
    const leaving = await signIn(t.database.db, agency.contentManager.id);
    const staying = agency.contentManager.cookie;
    const liveLeaving = await openLive(host, leaving);
    const liveStaying = await openLive(host, staying);
    await liveLeaving.subscribe(teamRoom(agency.client.id));
    await liveStaying.subscribe(teamRoom(agency.client.id));
    const collabLeaving = await openCollab(leaving);
    const collabStaying = await openCollab(staying);

    expect((await api(t.app, endpoints.logOut, { cookie: leaving })).status).toBe(200);

    // The logged-out session can neither hear the team nor edit a shared document.
    expect((await liveLeaving.closed).code).toBe(closeCodes.unauthorized);
    expect(await collabLeaving.closed).toBe(closeCodes.unauthorized);

    // The person's other session keeps both, and still hears the team's changes.
    const created = await api(t.app, endpoints.createRubric, {
      params: { clientId: agency.client.id },
      cookie: agency.owner.cookie,
      body: { name: 'After the logout', color: '#223344' },
    });
    expect(created.status).toBe(201);
    expect(
      await liveStaying.next((f) => f.type === 'event' && f.room === teamRoom(agency.client.id)),
    ).toMatchObject({ event: { type: 'rubric.created', subjectId: created.body.rubric.id } });
    expect(liveLeaving.frames.some((f) => f.type === 'event')).toBe(false);
    expect(collabStaying.socket.readyState).toBe(WebSocket.OPEN);
    liveStaying.close();
    collabStaying.socket.close();
  });

  it("[A4][14.4] logging out one session from the list closes its sockets, not the caller's", async () => {
    const agency = await makeAgency(t.database.db);
    const phone = await signIn(t.database.db, agency.creator.id);
    const laptop = agency.creator.cookie;
    const livePhone = await openLive(host, phone);
    const liveLaptop = await openLive(host, laptop);
    const collabPhone = await openCollab(phone);
    const listed = await api(t.app, endpoints.listSessions, { cookie: laptop });
    const target = listed.body.sessions.filter((s) => !s.current);
    expect(target).toHaveLength(1);

    const ended = await api(t.app, endpoints.logOutSession, {
      params: { sessionId: target[0]!.id },
      cookie: laptop,
    });
    expect(ended.status).toBe(200);

    expect((await livePhone.closed).code).toBe(closeCodes.unauthorized);
    expect(await collabPhone.closed).toBe(closeCodes.unauthorized);
    await settle();
    liveLaptop.send({ type: 'ping' });
    expect(await liveLaptop.next((f) => f.type === 'pong')).toMatchObject({ type: 'pong' });
    liveLaptop.close();
  });
});

describe('[14.3] a member who leaves', () => {
  it("[14.3] removing a member ends their sessions and the calendar feeds they made; another member's feed stays", async () => {
    const agency = await makeAgency(t.database.db);
    const feedOf = async (clientId: string, cookie: string) => {
      const made = await api(t.app, endpoints.createCalendarFeed, { params: { clientId }, cookie });
      expect(made.status).toBe(200);
      return new URL(made.body.url).pathname;
    };
    const leaversFeed = await feedOf(agency.client.id, agency.contentManager.cookie);
    const ownersFeed = await feedOf(agency.otherClient.id, agency.owner.cookie);
    expect((await raw(t.app, 'GET', leaversFeed)).status).toBe(200);

    const removed = await api(t.app, endpoints.removeMember, {
      params: { userId: agency.contentManager.id },
      cookie: agency.owner.cookie,
    });
    expect(removed.status).toBe(200);

    expect((await api(t.app, endpoints.getMe, { cookie: agency.contentManager.cookie })).status).toBe(401);
    expect((await raw(t.app, 'GET', leaversFeed)).status).toBe(404);
    expect((await raw(t.app, 'GET', ownersFeed)).status).toBe(200);
  });
});

describe('[14.3] a contact removed from a client', () => {
  it('[14.3] removing a contact ends the sign-in and reset links addressed to them and closes their sockets; their session stays', async () => {
    const agency = await makeAgency(t.database.db);
    const contact = agency.approver;
    // The removing agency's outbox may have shown these links.
    const magicLink = await issueEmailToken(t.database.db, contact.id, 'magic_link');
    const resetLink = await issueEmailToken(t.database.db, contact.id, 'password_reset');
    const live = await openLive(host, contact.cookie);

    const removed = await api(t.app, endpoints.removeContact, {
      params: { clientId: agency.client.id, userId: contact.id },
      cookie: agency.owner.cookie,
    });
    expect(removed.status).toBe(200);

    expect((await live.closed).code).toBe(closeCodes.unauthorized);
    expect((await api(t.app, endpoints.confirmMagicLink, { body: { token: magicLink } })).status).toBe(404);
    const reset = await api(t.app, endpoints.confirmPasswordReset, {
      body: { token: resetLink, password: 'the agency picks this 14' },
    });
    expect(reset.status).toBe(404);
    // A session holds no client's access of its own: the person may work with other clients.
    expect((await api(t.app, endpoints.getMe, { cookie: contact.cookie })).status).toBe(200);
  });
});
