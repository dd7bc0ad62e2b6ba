import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { accessLinks, clientMembers, factRequests, meetings } from '../../../src/server/db/schema/index.ts';
import { scopeChecks } from '../../../src/server/live/admit.ts';
import { allEndpoints, endpoints } from '../../../src/shared/api/catalogue.ts';
import { pathOf, pathParamNames } from '../../../src/shared/api/endpoint.ts';
import {
  closeCodes,
  collabSocketUrl,
  everyoneRoom,
  meetingRoom,
  teamRoom,
} from '../../../src/shared/live.ts';
import { errorOf } from '../../support/errors.ts';
import { makeAgency, type TestAgency } from '../../support/factories.ts';
import { kyivDay } from '../../support/facts.ts';
import { api, raw } from '../../support/http.ts';
import { listen, openLive } from '../../support/live.ts';
import { withMailedApp } from '../../support/mailedApp.ts';
import { makePlanForMeeting } from '../../support/meetings.ts';
import { makeCycle } from '../../support/planning.ts';
import { makeWritingMonth, setCopy } from '../../support/posts.ts';

// Issue 14, finding 1 and "Scoped links": an emailed or copied link opens one subject for one
// person (a fact request, a month's posts for review, a meeting) and nothing else answers it.
// Emailed links are read from the SMTP sink, where the person would read them.

const ORIGIN = 'http://plit.test';
const t = withMailedApp({ PUBLIC_URL: ORIGIN });
let host: string;
beforeAll(async () => {
  host = await listen(t.app);
});

const tokenOf = (url: string) => url.split('/open/')[1]!;
const open = (token: string, cookie?: string) => api(t.app, endpoints.openLink, { body: { token }, cookie });
const me = (cookie: string) => api(t.app, endpoints.getMe, { cookie });

/** The agency sends December's fact request for real; its email reaches the sink. */
async function sendFactRequest(agency: TestAgency) {
  const db = t.database.db;
  const plan = await makePlanForMeeting(db, agency);
  const [request] = await db
    .insert(factRequests)
    .values({ cycleId: plan.cycle.id, clientId: agency.client.id })
    .returning();
  const cm = agency.contentManager.cookie;
  await api(t.app, endpoints.createFactItem, {
    params: { requestId: request!.id },
    cookie: cm,
    body: { question: 'Ціна', dueOn: kyivDay(5) },
  });
  const sent = await api(t.app, endpoints.sendFactRequest, {
    params: { requestId: request!.id },
    cookie: cm,
    body: { version: 1 },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const url = await t.sink.linkFor(agency.approver.email, 'open');
  expect(url.startsWith(`${ORIGIN}/open/`)).toBe(true);
  return { plan, request: request!, token: tokenOf(url) };
}

/** A scoped session for the approver, from a link sent by email. */
async function factSession(agency: TestAgency) {
  const sent = await sendFactRequest(agency);
  const opened = await open(sent.token);
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return { ...sent, cookie: opened.cookie! };
}

/** The agency's content manager copies the approver's link ("copy the client's link"). */
async function copyLink(agency: TestAgency, kind: 'facts' | 'review' | 'meeting', subjectId: string) {
  const copied = await api(t.app, endpoints.copyContactLink, {
    params: { clientId: agency.client.id, userId: agency.approver.id },
    cookie: agency.contentManager.cookie,
    body: { kind, subjectId },
  });
  expect(copied.status, JSON.stringify(copied.body)).toBe(201);
  return tokenOf(copied.body.url);
}

/** A meeting of the month under way now. */
async function liveMeeting(cycleId: string, clientId: string) {
  const [meeting] = await t.database.db
    .insert(meetings)
    .values({ cycleId, clientId, format: 'online', status: 'live', startsAt: new Date() })
    .returning();
  return meeting!;
}

/** A raw collaboration socket: resolves with its close code (or 'open' once the door let it in). */
function collabDoor(cookie: string) {
  const socket = new WebSocket(collabSocketUrl(`http://${host}`), { headers: { cookie, origin: ORIGIN } });
  return new Promise<number | 'open'>((resolve) => {
    socket.on('close', (code) => resolve(code));
    socket.on('open', () => setTimeout(() => resolve('open'), 300));
  }).finally(() => socket.close());
}

describe('[14.1] the finding: an old fact link is no sign-in', () => {
  it("[14.1] a fact link opens only its request, not a second agency's client the person joined since", async () => {
    const db = t.database.db;
    const a = await makeAgency(db);
    const b = await makeAgency(db);
    const { request, token } = await sendFactRequest(a);
    // Later, agency B invites the same person to one of its clients.
    await db.insert(clientMembers).values({ clientId: b.client.id, userId: a.approver.id, role: 'approver' });

    const opened = await open(token);
    expect(opened.status).toBe(200);
    expect(opened.body.opens).toMatchObject({ kind: 'facts', subjectId: request.id, clientId: a.client.id });
    expect(opened.body.me.scope).toMatchObject({ kind: 'facts', subjectId: request.id });
    expect(opened.body.me.agency).toBeNull();
    expect(opened.body.me.clientMemberships.map((m) => m.clientId)).toEqual([a.client.id]);
    const cookie = opened.cookie!;

    expect((await api(t.app, endpoints.listClients, { cookie })).status).toBe(404);
    for (const clientId of [b.client.id, a.client.id]) {
      expect((await api(t.app, endpoints.getClient, { params: { clientId }, cookie })).status).toBe(404);
    }
    expect((await api(t.app, endpoints.listSessions, { cookie })).status).toBe(404);
    expect((await api(t.app, endpoints.updateMe, { cookie, body: { name: 'Someone else' } })).status).toBe(
      404,
    );
    const page = await api(t.app, endpoints.getFactRequest, { params: { requestId: request.id }, cookie });
    expect(page.status).toBe(200);
    expect(page.body.request.abilities.answer).toBe(true);
  });
});

describe('[14.1] one rule for what a scoped session may call', () => {
  it('[14.1] a facts link gets 404 from every GET of the catalogue that does not declare facts (its own ids)', async () => {
    const agency = await makeAgency(t.database.db);
    const { request, cookie } = await factSession(agency);
    const refusedOrNot = [];
    for (const spec of allEndpoints) {
      if (spec.method !== 'GET' || spec.public || spec.websocket || spec.scopes?.includes('facts')) continue;
      // A required query is refused (400) before any session is looked at: nothing to learn there.
      if (spec.query && !spec.query.safeParse({}).success) continue;
      // Real ids of this person's own client and request: only the scope can refuse them.
      const params = Object.fromEntries(
        pathParamNames(spec.path).map((name) => [
          name,
          name === 'clientId' ? agency.client.id : name === 'index' ? '0' : request.id,
        ]),
      );
      const res = await raw(t.app, 'GET', pathOf(spec, params), { cookie });
      refusedOrNot.push([spec.operationId, res.status]);
    }
    expect(refusedOrNot.length).toBeGreaterThan(20);
    expect(refusedOrNot.filter(([, status]) => status !== 404)).toEqual([]);
  });
});

describe('[14.1] what a facts link reaches', () => {
  it("[14.1] its request's endpoints answer; another request of the same client, posts and the plan of another month are 404", async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { plan, request, cookie } = await factSession(agency);
    const page = await api(t.app, endpoints.getFactRequest, { params: { requestId: request.id }, cookie });
    const item = page.body.request.items[0]!;
    const draft = await api(t.app, endpoints.saveFactDraft, {
      params: { itemId: item.id },
      cookie,
      body: { answer: { kind: 'text', text: '120 грн' }, answerVersion: item.answerVersion },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    // The plan of its month: the page shows its topics' titles.
    expect((await api(t.app, endpoints.getPlan, { params: { cycleId: plan.cycle.id }, cookie })).status).toBe(
      200,
    );

    const january = await makeCycle(db, agency, '2027-01', true);
    const [other] = await db
      .insert(factRequests)
      .values({ cycleId: january.id, clientId: agency.client.id, status: 'sent', sentAt: new Date() })
      .returning();
    const refused = await api(t.app, endpoints.getFactRequest, { params: { requestId: other!.id }, cookie });
    expect(refused.status).toBe(404);
    expect(errorOf(refused).code).toBe('not_found');
    expect((await api(t.app, endpoints.getPlan, { params: { cycleId: january.id }, cookie })).status).toBe(
      404,
    );
    expect(
      (await api(t.app, endpoints.listPosts, { params: { cycleId: plan.cycle.id }, cookie })).status,
    ).toBe(404);
    expect(
      (await api(t.app, endpoints.getCycleMeeting, { params: { cycleId: plan.cycle.id }, cookie })).status,
    ).toBe(404);
    // The person's full session still reaches everything of theirs.
    expect(
      (
        await api(t.app, endpoints.getFactRequest, {
          params: { requestId: other!.id },
          cookie: agency.approver.cookie,
        })
      ).status,
    ).toBe(200);
  });

  it("[A5][14.1] its sockets: no room at all, not even its own client's, and no collaboration socket", async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { plan, cookie } = await factSession(agency);
    const meeting = await liveMeeting(plan.cycle.id, agency.client.id);
    const live = await openLive(host, cookie);
    expect(await live.subscribe(meetingRoom(meeting!.id))).toMatchObject({ type: 'denied' });
    expect(await live.subscribe(teamRoom(agency.client.id))).toMatchObject({ type: 'denied' });
    expect(await live.subscribe(everyoneRoom(agency.otherClient.id))).toMatchObject({ type: 'denied' });
    // Not even its own client's room: it carries the client's events of every month.
    expect(await live.subscribe(everyoneRoom(agency.client.id))).toMatchObject({ type: 'denied' });
    live.close();
    expect(await collabDoor(cookie)).toBe(closeCodes.unauthorized);
  });
});

describe('[14.1] review and meeting links', () => {
  it('[14.1] a review link reads and answers the posts of its month only, and ends once nothing waits for review', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makeWritingMonth(db, agency);
    const cm = agency.contentManager.cookie;
    const created = await api(t.app, endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[0]!.id },
      cookie: cm,
    });
    const postId = created.body.post.id;
    await setCopy(db, postId, 'Новий купаж з Ефіопії.');
    const current = await api(t.app, endpoints.getPost, { params: { postId }, cookie: cm });
    const sent = await api(t.app, endpoints.movePost, {
      params: { postId },
      body: { to: 'client_review', version: current.body.post.version },
      cookie: cm,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);

    const opened = await open(await copyLink(agency, 'review', plan.cycle.id));
    expect(opened.status).toBe(200);
    const cookie = opened.cookie!;
    expect(
      (await api(t.app, endpoints.listPosts, { params: { cycleId: plan.cycle.id }, cookie })).status,
    ).toBe(200);
    const read = await api(t.app, endpoints.getPost, { params: { postId }, cookie });
    expect(read.status).toBe(200);
    const [request] = await db.select().from(factRequests).where(eq(factRequests.cycleId, plan.cycle.id));
    expect(
      (await api(t.app, endpoints.getFactRequest, { params: { requestId: request!.id }, cookie })).status,
    ).toBe(404);
    const january = await makeCycle(db, agency, '2027-01', true);
    expect((await api(t.app, endpoints.listPosts, { params: { cycleId: january.id }, cookie })).status).toBe(
      404,
    );
    expect(
      (await api(t.app, endpoints.listCycles, { params: { clientId: agency.client.id }, cookie })).status,
    ).toBe(404);

    const approved = await api(t.app, endpoints.movePost, {
      params: { postId },
      body: { to: 'approved', revision: read.body.post.revision },
      cookie,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    // Nothing of the month waits for the client any more: the link and its session end.
    expect((await me(cookie)).status).toBe(401);
  });

  it('[A5][14.1] a meeting link joins its meeting (room included) and nothing else; it, and its socket, end with the meeting', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makePlanForMeeting(db, agency);
    const meeting = await liveMeeting(plan.cycle.id, agency.client.id);
    const opened = await open(await copyLink(agency, 'meeting', meeting!.id));
    const cookie = opened.cookie!;
    expect(opened.body.opens).toMatchObject({ kind: 'meeting', cycleId: plan.cycle.id });
    expect(
      (await api(t.app, endpoints.getMeeting, { params: { meetingId: meeting!.id }, cookie })).status,
    ).toBe(200);
    expect((await api(t.app, endpoints.getPlan, { params: { cycleId: plan.cycle.id }, cookie })).status).toBe(
      200,
    );
    expect(
      (await api(t.app, endpoints.listPosts, { params: { cycleId: plan.cycle.id }, cookie })).status,
    ).toBe(404);
    const january = await makeCycle(db, agency, '2027-01', true);
    const other = await liveMeeting(january.id, agency.client.id);
    expect(
      (await api(t.app, endpoints.getMeeting, { params: { meetingId: other!.id }, cookie })).status,
    ).toBe(404);
    scopeChecks.everyMs = 200;
    const live = await openLive(host, cookie);
    expect(await live.subscribe(meetingRoom(meeting!.id))).toMatchObject({ type: 'subscribed' });
    expect(await live.subscribe(meetingRoom(other!.id))).toMatchObject({ type: 'denied' });
    expect(await collabDoor(cookie)).toBe('open');

    await db.update(meetings).set({ status: 'ended' }).where(eq(meetings.id, meeting!.id));
    expect((await me(cookie)).status).toBe(401);
    // The socket already in the room is closed once its link is found ended.
    expect((await live.closed).code).toBe(closeCodes.unauthorized);
  });
});

describe('[14.1] when a link ends', () => {
  it('[A4][14.1] sockets opened from a link a member copied close at once when the member becomes a creator or leaves', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makePlanForMeeting(db, agency);
    const meeting = await liveMeeting(plan.cycle.id, agency.client.id);
    // Not the link's own check every 30 s: the change closes them.
    scopeChecks.everyMs = 60_000;
    const ownerCopy = await api(t.app, endpoints.copyContactLink, {
      params: { clientId: agency.client.id, userId: agency.approver.id },
      cookie: agency.owner.cookie,
      body: { kind: 'meeting', subjectId: meeting!.id },
    });
    const ownersLink = (await open(tokenOf(ownerCopy.body.url))).cookie!;
    const copiedLink = (await open(await copyLink(agency, 'meeting', meeting!.id))).cookie!;
    const live = await openLive(host, copiedLink);
    expect(await live.subscribe(meetingRoom(meeting!.id))).toMatchObject({ type: 'subscribed' });
    const others = await openLive(host, ownersLink);
    const started = Date.now();
    const demoted = await api(t.app, endpoints.changeMemberRole, {
      params: { userId: agency.contentManager.id },
      cookie: agency.owner.cookie,
      body: { role: 'creator' },
    });
    expect(demoted.status).toBe(200);
    expect((await live.closed).code).toBe(closeCodes.unauthorized);
    expect(Date.now() - started).toBeLessThan(10_000);
    // A link someone else copied is not theirs to end.
    expect(await others.subscribe(meetingRoom(meeting!.id))).toMatchObject({ type: 'subscribed' });

    // Leaving the agency: the owner's copy goes when the owner is removed.
    await api(t.app, endpoints.changeMemberRole, {
      params: { userId: agency.contentManager.id },
      cookie: agency.owner.cookie,
      body: { role: 'owner' },
    });
    const removed = await api(t.app, endpoints.removeMember, {
      params: { userId: agency.owner.id },
      cookie: agency.contentManager.cookie,
    });
    expect(removed.status).toBe(200);
    expect((await others.closed).code).toBe(closeCodes.unauthorized);
    scopeChecks.everyMs = 30_000;
  });

  it('[14.1] after 14 days without use: its session gets 401 and the link no longer opens', async () => {
    const agency = await makeAgency(t.database.db);
    const { token, cookie } = await factSession(agency);
    expect((await me(cookie)).status).toBe(200);
    await t.database.db
      .update(accessLinks)
      .set({ lastUsedAt: new Date(Date.now() - 15 * 86_400_000) })
      .where(eq(accessLinks.userId, agency.approver.id));
    expect((await me(cookie)).status).toBe(401);
    const again = await open(token);
    expect(again.status).toBe(404);
    expect(errorOf(again).code).toBe('token_invalid');
  });

  it('[14.1] once the request is complete', async () => {
    const agency = await makeAgency(t.database.db);
    const { request, token, cookie } = await factSession(agency);
    await t.database.db
      .update(factRequests)
      .set({ status: 'complete' })
      .where(eq(factRequests.id, request.id));
    expect((await me(cookie)).status).toBe(401);
    expect((await open(token)).status).toBe(404);
  });

  it('[14.1] on endAccess (log out everywhere)', async () => {
    const agency = await makeAgency(t.database.db);
    const { token, cookie } = await factSession(agency);
    const ended = await api(t.app, endpoints.logOutEverywhere, { cookie: agency.approver.cookie });
    expect(ended.status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
    expect((await open(token)).status).toBe(404);
  });

  it('[14.1] when the person is no longer a contact of the client', async () => {
    const agency = await makeAgency(t.database.db);
    const { token, cookie } = await factSession(agency);
    const removed = await api(t.app, endpoints.removeContact, {
      params: { clientId: agency.client.id, userId: agency.approver.id },
      cookie: agency.contentManager.cookie,
    });
    expect(removed.status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
    expect((await open(token)).status).toBe(404);
  });
});

describe('[14.1] opening a link', () => {
  it('[14.1] is reusable on a second device while the link lives', async () => {
    const agency = await makeAgency(t.database.db);
    const { token, cookie: phone } = await factSession(agency);
    const laptop = await open(token);
    expect(laptop.status).toBe(200);
    expect(laptop.cookie).not.toBe(phone);
    expect((await me(phone)).status).toBe(200);
    expect((await me(laptop.cookie!)).status).toBe(200);
  });

  it('[14.1] with a full session of the same person keeps it: no downgrade, just where to go', async () => {
    const agency = await makeAgency(t.database.db);
    const { request, token } = await sendFactRequest(agency);
    const full = agency.approver.cookie;
    const opened = await open(token, full);
    expect(opened.status).toBe(200);
    expect(opened.cookie).toBeNull();
    expect(opened.body.me.scope).toBeNull();
    expect(opened.body.opens).toMatchObject({ kind: 'facts', subjectId: request.id });
    expect((await api(t.app, endpoints.listClients, { cookie: full })).status).toBe(200);
  });

  it("[14.1] with someone else's session replaces it by a scoped one", async () => {
    const agency = await makeAgency(t.database.db);
    const { token } = await sendFactRequest(agency);
    const opened = await open(token, agency.contentManager.cookie);
    expect(opened.cookie).toBeTruthy();
    expect(opened.body.me.user.id).toBe(agency.approver.id);
    expect(opened.body.me.scope).not.toBeNull();
  });
});

describe("[14.1] copy the client's link", () => {
  it('[14.1] is recorded in the activity for the agency (who, for whom, what), never with the link', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request } = await sendFactRequest(agency);
    const token = await copyLink(agency, 'facts', request.id);
    expect((await open(token)).status).toBe(200);
    const [link] = await db
      .select()
      .from(accessLinks)
      .where(
        and(
          eq(accessLinks.userId, agency.approver.id),
          eq(accessLinks.createdById, agency.contentManager.id),
        ),
      );
    expect(link).toMatchObject({ kind: 'facts', subjectId: request.id });

    const feed = await api(t.app, endpoints.listClientEvents, {
      params: { clientId: agency.client.id },
      cookie: agency.owner.cookie,
    });
    const copied = feed.body.events.find((e) => e.type === 'contact.link_copied');
    expect(copied).toMatchObject({
      actorName: agency.contentManager.name,
      subjectId: agency.approver.id,
      data: { name: agency.approver.name, kind: 'facts', subjectId: request.id },
    });
    expect(JSON.stringify(feed.body)).not.toContain(token);
    // The client's contacts do not see the agency's desk.
    const theirs = await api(t.app, endpoints.listClientEvents, {
      params: { clientId: agency.client.id },
      cookie: agency.approver.cookie,
    });
    expect(theirs.body.events.some((e) => e.type === 'contact.link_copied')).toBe(false);
  });

  it('[14.1] is refused to creators and contacts, and for a subject of another client', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request } = await sendFactRequest(agency);
    for (const person of [agency.creator, agency.approver]) {
      const refused = await api(t.app, endpoints.copyContactLink, {
        params: { clientId: agency.client.id, userId: agency.approver.id },
        cookie: person.cookie,
        body: { kind: 'facts', subjectId: request.id },
      });
      expect(refused.status).toBe(403);
    }
    const elsewhere = await api(t.app, endpoints.copyContactLink, {
      params: { clientId: agency.otherClient.id, userId: agency.otherClientApprover.id },
      cookie: agency.contentManager.cookie,
      body: { kind: 'facts', subjectId: request.id },
    });
    expect(elsewhere.status).toBe(404);
    const stranger = await makeAgency(db);
    const theirs = await api(t.app, endpoints.copyContactLink, {
      params: { clientId: agency.client.id, userId: agency.approver.id },
      cookie: stranger.contentManager.cookie,
      body: { kind: 'facts', subjectId: request.id },
    });
    expect(theirs.status).toBe(404);
  });
});

// The second attacker's probe of issue 14: a manager held a contact's scoped link and an
// invitation link for the same person, and accepting the invitation from the scoped session
// started a full session as the contact; links a member copied outlived their leaving.
describe('[14.1] a scoped session never grows into more', () => {
  it('[14.1] accepting an invitation from a scoped session is an anonymous visitor accepting: no full session', async () => {
    const agency = await makeAgency(t.database.db);
    const { request } = await sendFactRequest(agency);
    const scoped = await open(await copyLink(agency, 'facts', request.id));
    expect(scoped.status).toBe(200);
    const invited = await api(t.app, endpoints.sendInvitation, {
      cookie: agency.contentManager.cookie,
      body: { email: agency.approver.email, role: 'contributor', clientId: agency.otherClient.id },
    });
    expect(invited.status).toBe(201);
    const copied = await api(t.app, endpoints.copyInvitationLink, {
      cookie: agency.contentManager.cookie,
      params: { invitationId: invited.body.invitation.id },
    });
    const token = copied.body.link.split('/invite/')[1]!;
    const accepted = await api(t.app, endpoints.acceptInvitation, {
      cookie: scoped.cookie!,
      body: { token },
    });
    // The address has an account: only that account, signed in for real, may accept.
    expect(accepted.status).not.toBe(200);
    expect(accepted.cookie).toBeNull();
    const after = await me(scoped.cookie!);
    expect(after.body.scope).not.toBeNull();
    expect((await api(t.app, endpoints.listClients, { cookie: scoped.cookie! })).status).toBe(404);
  });

  it('[14.1] links a member copied stop working when they leave the agency or become a creator', async () => {
    const agency = await makeAgency(t.database.db);
    const { request } = await sendFactRequest(agency);
    const copiedThenLeft = await copyLink(agency, 'facts', request.id);
    const session = await open(copiedThenLeft);
    expect(session.status).toBe(200);
    const demoted = await api(t.app, endpoints.changeMemberRole, {
      params: { userId: agency.contentManager.id },
      cookie: agency.owner.cookie,
      body: { role: 'creator' },
    });
    expect(demoted.status).toBe(200);
    expect((await open(copiedThenLeft)).status).toBe(404);
    expect((await me(session.cookie!)).status).toBe(401);
    // The link the approver got by email is theirs, and still opens.
    expect((await open(tokenOf(await t.sink.linkFor(agency.approver.email, 'open')))).status).toBe(200);
  });
});
