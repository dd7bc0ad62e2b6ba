import { randomBytes, randomUUID } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factRequests, outbox } from '../../../src/server/db/schema/index.ts';
import { createDiskStorage, filesDirOf } from '../../../src/server/files/storage.ts';
import { notesDocument } from '../../../src/server/meetings/notesAccess.ts';
import { copyDocument } from '../../../src/server/posts/copyDoc.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../src/server/seed/demo.ts';
import { endpoints } from '../../../src/shared/api/catalogue.ts';
import { urlOf } from '../../../src/shared/api/endpoint.ts';
import { everyoneRoom, meetingRoom, teamRoom } from '../../../src/shared/live.ts';
import { fromNewAddress } from '../../support/addresses.ts';
import { collabSocket, type DocumentOutcome } from '../../support/collab.ts';
import { type Answer, crawl, feedsIn, idsIn, readEndpoints } from '../../support/crawl.ts';
import { api, raw } from '../../support/http.ts';
import { listen, openLive } from '../../support/live.ts';
import { withMailedApp } from '../../support/mailedApp.ts';
import { makePng, multipart } from '../../support/uploads.ts';

/**
 * LIVE-SPEC [A6], issue 15: the marker crawl. The agency writes a unique marker into every
 * team-only place of the demo (an unshared plan, a post's unsent changes, an internal comment,
 * agency-only events, another client's plan), with a date and a count no one else has (an
 * unshared plan due 2031-07-13 with exactly 7 slots). Then each kind of client session (the
 * approver, the contributor, and a session from each kind of scoped link) reads every GET
 * endpoint of the catalogue with every id it can find or the test knows, listens on every live
 * room while the markers are written, opens every shared document, and reads its email. No
 * marker may appear anywhere, and what the client must see is there.
 */

const ORIGIN = 'http://plit.test';
const t = withMailedApp({ PUBLIC_URL: ORIGIN });

// Lowercase letters and digits: survives hashtags, file names, email addresses and case folding.
const stem = `zq${randomBytes(5).toString('hex')}`;
const mark = (what: string) => `${stem}${what}`;
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The unshared plan's sentinel year, in any form a date takes (ISO, iCalendar, 13.07.2031, "2031 р."). */
const SENTINEL_YEAR = /(?<![0-9a-z])2031|20310[78]/i;
const HIDDEN_MONTH = '2031-08';
const HIDDEN_DEADLINE = '2031-07-13';

/** Where in this text a marker or the sentinel shows, if anywhere. */
function leaks(text: string, askedForTheYear = false): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(stem); at >= 0; at = lower.indexOf(stem, at + 1)) {
    found.push(text.slice(Math.max(0, at - 60), at + stem.length + 20));
  }
  const withoutIds = text.replace(UUIDS, '');
  const year = askedForTheYear ? null : SENTINEL_YEAR.exec(withoutIds);
  if (year) found.push(withoutIds.slice(Math.max(0, year.index - 60), year.index + 20));
  // The unshared plan has exactly 7 slots: no count of 7 slots reaches the client.
  if (/"slots":7[,}]/.test(text)) found.push('"slots":7');
  // The agency's internal review is its own step, in no status, history or event of a contact.
  if (text.includes('internal_review')) found.push('internal_review');
  return found;
}

type Session = { name: string; cookie: string };
const world = {
  /** An email of the agency's outbox (owners only): its files are tried like everything else. */
  outboxMessage: '',
  coffee: '',
  fair: '',
  current: '',
  month: '',
  next: '',
  hidden: '',
  meeting: '',
  request: '',
  backPost: '',
  draftPost: '',
  internalPost: '',
  hiddenAsset: '',
  draftRequest: '',
  hiddenTopics: [] as string[],
  feed: '',
  sentCopy: '',
  sharedTopic: '',
  factQuestion: '',
  postIds: [] as string[],
  meetings: [] as string[],
  /** Ids of another client of the agency: answered like ids that do not exist. */
  otherClient: [] as string[],
  reviewCopy: '',
  knownIds: new Set<string>(),
};
const sessions: Session[] = [];
const frames = new Map<string, Array<Record<string, unknown>>>();
const rooms = new Map<string, Record<string, string>>();
let host = '';
let cm = '';

async function logIn(email: string) {
  const res = await api(fromNewAddress(t.app), endpoints.logIn, { body: { email, password: DEMO_PASSWORD } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.cookie!;
}

/** Read as the agency, keeping every id seen: the ids the crawl tries beyond the contact's own. */
async function agencyRead<T>(reply: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await reply;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  for (const id of idsIn(JSON.stringify(res.body))) world.knownIds.add(id);
  return res.body;
}

async function ok<T>(reply: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await reply;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A scoped session: the content manager copies the approver's link, the approver opens it. */
async function linkSession(kind: 'facts' | 'review' | 'meeting', subjectId: string, userId: string) {
  const copied = await ok(
    api(t.app, endpoints.copyContactLink, {
      params: { clientId: world.coffee, userId },
      cookie: cm,
      body: { kind, subjectId },
    }),
    201,
  );
  const token = copied.url.split('/open/')[1]!;
  const opened = await api(fromNewAddress(t.app), endpoints.openLink, { body: { token } });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return opened.cookie!;
}

/** Everything the agency writes that the client must not see, while the client listens. */
async function writeMarkers() {
  // An unshared plan: a month no one else has, due 2031-07-13, 7 slots, a marked topic.
  const hidden = await ok(
    api(t.app, endpoints.startCycle, {
      cookie: cm,
      params: { clientId: world.coffee },
      body: { month: HIDDEN_MONTH, copyCadence: false },
    }),
    201,
  );
  world.hidden = hidden.cycle.id;
  const deadlines = {
    preparation: HIDDEN_DEADLINE,
    meeting: '2031-07-20',
    facts: '2031-07-25',
    content: '2031-07-29',
  };
  await ok(
    api(t.app, endpoints.updateCycleDeadlines, {
      cookie: cm,
      params: { cycleId: world.hidden },
      body: { deadlines, version: hidden.cycle.version },
    }),
  );
  const channels = await ok(
    api(t.app, endpoints.listChannels, { params: { clientId: world.coffee }, cookie: cm }),
  );
  const channel = channels.channels[0]!;
  for (let day = 1; day <= 7; day++) {
    await ok(
      api(t.app, endpoints.createSlot, {
        cookie: cm,
        params: { cycleId: world.hidden },
        body: {
          date: `${HIDDEN_MONTH}-0${day}`,
          time: '10:00',
          channelId: channel.id,
          format: channel.formats[0]!,
        },
      }),
      201,
    );
  }
  for (const what of ['topic', 'reserve']) {
    const topic = await ok(
      api(t.app, endpoints.createTopic, {
        cookie: cm,
        params: { cycleId: world.hidden },
        body: { title: mark(what), angle: mark(`${what}angle`), tags: [mark(`${what}tag`)] },
      }),
      201,
    );
    world.hiddenTopics.push(topic.topic.id);
  }
  // Parked from an unshared plan: the reserve's topic is the agency's alone.
  await ok(
    api(t.app, endpoints.parkTopic, {
      cookie: cm,
      params: { topicId: world.hiddenTopics[1]! },
      body: { version: 1 },
    }),
  );

  // A post back with the agency after "changes requested": its unsent changes.
  const back = await ok(api(t.app, endpoints.getPost, { params: { postId: world.backPost }, cookie: cm }));
  await ok(
    api(t.app, endpoints.updatePost, {
      cookie: cm,
      params: { postId: world.backPost },
      body: {
        version: back.post.version,
        visualBrief: mark('brief'),
        hashtags: [`#${mark('hashtag')}`],
        link: `https://example.com/${mark('link')}`,
        firstComment: mark('firstcomment'),
      },
    }),
  );
  const png = multipart(`${mark('asset')}.png`, makePng(), 'image/png');
  const uploaded = await raw(
    t.app,
    'POST',
    urlOf(endpoints.uploadPostAsset, { params: { postId: world.backPost } }),
    {
      cookie: cm,
      body: png.body,
      headers: { 'content-type': png.contentType },
    },
  );
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  world.hiddenAsset = uploaded.body.post.assets.find((x: { name: string }) => x.name.includes(stem)).id;
  const editor = collabSocket(host, cm);
  await editor.append(copyDocument(world.backPost), mark('livecopy'));
  // A writer's first draft, never sent.
  await editor.append(copyDocument(world.draftPost), mark('draftcopy'));
  editor.close();
  const draft = await ok(api(t.app, endpoints.getPost, { params: { postId: world.draftPost }, cookie: cm }));
  await ok(
    api(t.app, endpoints.updatePost, {
      cookie: cm,
      params: { postId: world.draftPost },
      body: { version: draft.post.version, visualBrief: mark('draftbrief') },
    }),
  );

  // The agency's internal review: a comment on a post in internal review.
  const internal = await ok(
    api(t.app, endpoints.getPost, { params: { postId: world.internalPost }, cookie: cm }),
  );
  await ok(
    api(t.app, endpoints.createPostComment, {
      cookie: cm,
      params: { postId: world.internalPost },
      body: { revision: internal.post.revision, body: mark('internalcomment') },
    }),
    201,
  );

  // A fact request the agency is still drafting for next month (a contact gets null until sent).
  const [draftRequest] = await t.database.db
    .insert(factRequests)
    .values({ cycleId: world.next, clientId: world.coffee })
    .returning();
  world.draftRequest = draftRequest!.id;
  await ok(
    api(t.app, endpoints.createFactItem, {
      cookie: cm,
      params: { requestId: world.draftRequest },
      body: { question: mark('draftfact') },
    }),
    201,
  );

  // Agency-only events: a calendar feed made, a member invited.
  const feed = await ok(
    api(t.app, endpoints.createCalendarFeed, { cookie: cm, params: { clientId: world.coffee } }),
  );
  world.feed = feedsIn(feed.url)[0]!;
  await ok(
    api(t.app, endpoints.sendInvitation, {
      cookie: await logIn('owner@plit.demo'),
      body: { email: `${mark('invitee')}@example.test`, role: 'creator' },
    }),
    201,
  );

  // Another client of the same agency: its shared plan.
  const fair = await ok(
    api(t.app, endpoints.startCycle, {
      cookie: cm,
      params: { clientId: world.fair },
      body: { month: '2030-05', copyCadence: false },
    }),
    201,
  );
  await ok(
    api(t.app, endpoints.shareCycle, {
      cookie: cm,
      params: { cycleId: fair.cycle.id },
      body: { version: fair.cycle.version },
    }),
  );
  const fairCurrent = fair.cycle;

  // Something the client is told while all this happens: the meeting moves, by email.
  const { meeting } = await ok(
    api(t.app, endpoints.getMeeting, { cookie: cm, params: { meetingId: world.meeting } }),
  );
  await ok(
    api(t.app, endpoints.updateMeeting, {
      cookie: cm,
      params: { meetingId: world.meeting },
      body: { time: '12:30', version: meeting.version },
    }),
  );
  const otherTopic = await ok(
    api(t.app, endpoints.createTopic, {
      cookie: cm,
      params: { cycleId: fairCurrent.id },
      body: { title: mark('otherclient'), tags: [] },
    }),
    201,
  );
  world.otherClient.push(world.fair, fairCurrent.id, otherTopic.topic.id);
}

beforeAll(async () => {
  host = await listen(t.app);
  expect(await seedDemo(t.database.db, createDiskStorage(filesDirOf(t.dataDir)))).toBe(true);
  cm = await logIn('cm@plit.demo');

  const { clients } = await agencyRead(api(t.app, endpoints.listClients, { cookie: cm }));
  world.coffee = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!.id;
  world.fair = clients.find((c) => c.name === 'Lviv Book Fair')!.id;
  const { cycles } = await agencyRead(
    api(t.app, endpoints.listCycles, { params: { clientId: world.coffee }, cookie: cm }),
  );
  world.current = cycles.find((c) => c.stage === 'content')!.id;
  world.month = cycles.find((c) => c.stage === 'content')!.month;
  world.next = cycles.find((c) => c.stage === 'preparation')!.id;
  expect(cycles.find((c) => c.stage === 'preparation')!.shared).toBe(true);
  for (const c of cycles) {
    await agencyRead(api(t.app, endpoints.getPlan, { params: { cycleId: c.id }, cookie: cm }));
    const held = await agencyRead(
      api(t.app, endpoints.getCycleMeeting, { params: { cycleId: c.id }, cookie: cm }),
    );
    if (held.meeting) world.meetings.push(held.meeting.id);
  }
  const { posts } = await agencyRead(
    api(t.app, endpoints.listPosts, { params: { cycleId: world.current }, cookie: cm }),
  );
  world.postIds = posts.map((p) => p.id);
  world.backPost = posts.find((p) => p.status === 'changes_requested')!.id;
  world.draftPost = posts.find((p) => p.status === 'draft' && p.revision === 0)!.id;
  world.internalPost = posts.find((p) => p.status === 'internal_review')!.id;
  world.sharedTopic = posts.find((p) => p.status === 'approved')!.topicTitle!;
  for (const p of posts)
    await agencyRead(api(t.app, endpoints.getPost, { params: { postId: p.id }, cookie: cm }));
  const back = await ok(api(t.app, endpoints.getPost, { params: { postId: world.backPost }, cookie: cm }));
  world.sentCopy = back.versions.at(-1)!.copyText.split('\n')[0]!;
  const reviewing = await ok(
    api(t.app, endpoints.getPost, {
      params: { postId: posts.find((p) => p.status === 'client_review')!.id },
      cookie: cm,
    }),
  );
  world.reviewCopy = reviewing.versions.at(-1)!.copyText.split('\n').at(-1)!;
  const facts = await agencyRead(
    api(t.app, endpoints.getCycleFactRequest, { params: { cycleId: world.current }, cookie: cm }),
  );
  world.request = facts.request!.id;
  world.factQuestion = facts.request!.items[0]!.question;
  const meeting = await agencyRead(
    api(t.app, endpoints.getCycleMeeting, { params: { cycleId: world.next }, cookie: cm }),
  );
  world.meeting = meeting.meeting!.id;
  await agencyRead(
    api(t.app, endpoints.listReserve, { params: { clientId: world.coffee }, query: {}, cookie: cm }),
  );
  const { contacts } = await agencyRead(
    api(t.app, endpoints.listContacts, { params: { clientId: world.coffee }, cookie: cm }),
  );
  const approver = contacts.find((c) => c.email === 'marketing@kyivcoffee.demo')!;

  sessions.push({ name: 'approver', cookie: await logIn('marketing@kyivcoffee.demo') });
  sessions.push({ name: 'contributor', cookie: await logIn('smm@kyivcoffee.demo') });
  sessions.push({ name: 'facts link', cookie: await linkSession('facts', world.request, approver.userId) });
  sessions.push({ name: 'review link', cookie: await linkSession('review', world.current, approver.userId) });
  sessions.push({
    name: 'meeting link',
    cookie: await linkSession('meeting', world.meeting, approver.userId),
  });

  // Every session listens on every room there is while the markers are written.
  const names = [
    teamRoom(world.coffee),
    everyoneRoom(world.coffee),
    teamRoom(world.fair),
    everyoneRoom(world.fair),
    meetingRoom(world.meeting),
  ];
  const sockets = [];
  for (const s of sessions) {
    const live = await openLive(host, s.cookie);
    const answered: Record<string, string> = {};
    for (const room of names) answered[room] = String((await live.subscribe(room)).type);
    rooms.set(s.name, answered);
    frames.set(s.name, live.frames);
    sockets.push(live);
  }
  await writeMarkers();
  // Frames of the last writes, and the emails they queued.
  await new Promise((r) => setTimeout(r, 500));
  await t.mailRound();
  for (const live of sockets) live.close();
  const [mail] = await t.database.db
    .select({ id: outbox.id })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  world.outboxMessage = mail!.id;
  world.knownIds.add(world.hidden);
  world.knownIds.add(world.draftRequest);
  for (const id of world.otherClient) world.knownIds.add(id);
  for (const id of [...world.hiddenTopics, world.hiddenAsset]) world.knownIds.add(id);
}, 120_000);

const crawled = new Map<string, Awaited<ReturnType<typeof crawl>>>();
async function crawlAs(session: Session) {
  if (!crawled.has(session.name)) {
    crawled.set(
      session.name,
      await crawl(t.app, session.cookie, {
        ids: world.knownIds,
        feeds: [world.feed],
        firsts: {
          clientId: [world.coffee, world.fair],
          requestId: [world.request],
          messageId: [world.outboxMessage],
        },
        queries: {
          // Months from the first demo month to the hidden plan's, wherever a month is asked.
          listHolidays: [{ month: world.month }, { month: HIDDEN_MONTH }],
          downloadInsightsReportPdf: [{ month: world.month }, { month: HIDDEN_MONTH }],
          getClientInsights: [{}, { from: '2020-01', to: '2031-12' }],
          downloadInsightsCsv: [{}, { from: '2020-01', to: '2031-12' }],
          getAgencyInsights: [{}, { from: '2020-01', to: '2031-12' }],
          listClients: [{}, { archived: 'true' }],
          previewInvitation: [{ token: 'not-a-token-of-anyone-0123456789' }],
        },
      }),
    );
  }
  return crawled.get(session.name)!;
}

const leaksIn = (answers: Answer[]) =>
  answers
    // The API's own description lists every status there is, internal review included.
    .filter((a) => a.endpoint !== 'getOpenApiDocument')
    .flatMap((a) =>
      // A question that names the year (Ukraine's holidays in August 2031) is answered with it.
      leaks(a.text, a.url.includes('2031')).map((l) => `${a.endpoint} ${a.url} (${a.status}): …${l}…`),
    );

describe('[A6] the marker crawl: a contact sees only what was shown to them', () => {
  afterAll(() => crawled.clear());

  for (const name of ['approver', 'contributor', 'facts link', 'review link', 'meeting link']) {
    it(`[A6] as the ${name}: no marker in any answer of any GET endpoint, with every id`, async () => {
      const session = sessions.find((s) => s.name === name)!;
      const { answers } = await crawlAs(session);
      // Every GET endpoint of the catalogue was read.
      expect(new Set(answers.map((a) => a.endpoint))).toEqual(
        new Set(readEndpoints.map((e) => e.operationId)),
      );
      expect(leaksIn(answers)).toEqual([]);
      // A team-only id is answered exactly like an id that does not exist (404 where the
      // person may use the endpoint at all; the same 403 as for any id where they may not).
      const teamOnly = [
        world.hidden,
        world.hiddenAsset,
        world.draftRequest,
        world.draftPost,
        ...world.hiddenTopics,
      ];
      const refused = answers.filter((a) => teamOnly.some((id) => a.url.includes(id)));
      expect(refused.length).toBeGreaterThan(0);
      const unlike: string[] = [];
      for (const a of refused) {
        const missing = teamOnly.reduce((url, id) => url.replaceAll(id, randomUUID()), a.url);
        const answer = await raw(fromNewAddress(t.app), 'GET', missing, { cookie: session.cookie });
        if (a.status !== answer.status || (a.status !== 404 && a.status !== 403)) {
          unlike.push(`${a.url}: ${a.status}, a missing id: ${answer.status}`);
        }
      }
      expect(unlike).toEqual([]);
    }, 300_000);
  }

  it('[A6] what the client must see is there: a shared plan, a sent version, their fact request', async () => {
    const approver = await crawlAs(sessions.find((s) => s.name === 'approver')!);
    const text = approver.answers
      .filter((a) => a.status === 200)
      .map((a) => a.text)
      .join('\n');
    expect(text).toContain(world.sharedTopic);
    expect(text).toContain(world.sentCopy);
    expect(text).toContain(world.factQuestion);
    const shown = async (name: string) =>
      (await crawlAs(sessions.find((s) => s.name === name)!)).answers
        .filter((a) => a.status === 200)
        .map((a) => a.text)
        .join('\n');
    // Each link shows its subject: the posts waiting for review, the meeting.
    expect(await shown('review link')).toContain(world.reviewCopy);
    expect(await shown('meeting link')).toContain(world.meeting);
    expect(await shown('contributor')).toContain(world.sentCopy);
    const facts = await crawlAs(sessions.find((s) => s.name === 'facts link')!);
    expect(
      facts.answers
        .filter((a) => a.status === 200)
        .map((a) => a.text)
        .join('\n'),
    ).toContain(world.factQuestion);
  }, 300_000);

  it('[A6] no marker reaches a contact on any live room while the agency writes', () => {
    for (const s of sessions) {
      // The team's rooms are refused; the client's own rooms were joined (a full session).
      expect(rooms.get(s.name)![teamRoom(world.coffee)], s.name).toBe('denied');
      expect(rooms.get(s.name)![teamRoom(world.fair)], s.name).toBe('denied');
      expect(rooms.get(s.name)![everyoneRoom(world.fair)], s.name).toBe('denied');
      expect(leaks(JSON.stringify(frames.get(s.name))), s.name).toEqual([]);
    }
    for (const name of ['approver', 'contributor']) {
      expect(rooms.get(name)![everyoneRoom(world.coffee)]).toBe('subscribed');
      // The room was heard: the agency's shared changes do reach the client.
      expect(frames.get(name)!.some((f) => f.type === 'event')).toBe(true);
    }
  });

  it('[A6] a hidden shared document is refused exactly like a missing one, and an open one has no marker', async () => {
    const missingCopy = copyDocument(randomUUID());
    for (const s of sessions) {
      const socket = collabSocket(host, s.cookie);
      try {
        const missing = await socket.open(missingCopy);
        expect('denied' in missing, s.name).toBe(true);
        const outcomes: Record<string, DocumentOutcome> = {};
        for (const postId of world.postIds) outcomes[postId] = await socket.open(copyDocument(postId));
        // Contacts read the frozen text of what was sent to them, never the live copy.
        for (const [postId, outcome] of Object.entries(outcomes)) {
          expect(outcome, `${s.name}: ${postId}`).toEqual(missing);
        }
        for (const meetingId of world.meetings) {
          const notes = await socket.open(notesDocument(meetingId));
          if ('text' in notes) expect(leaks(notes.text), s.name).toEqual([]);
        }
      } finally {
        socket.close();
      }
    }
  }, 120_000);

  it('[A6] no marker reaches a contact by email', () => {
    const theirs = t.sink.received.filter((m) =>
      m.to.some((to) => to === 'marketing@kyivcoffee.demo' || to === 'smm@kyivcoffee.demo'),
    );
    // The meeting moved while the markers were written: the contacts were told, by email.
    expect(theirs.length).toBeGreaterThan(0);
    expect(leaks(theirs.map((m) => `${m.subject}\n${m.text}\n${m.html}`).join('\n'))).toEqual([]);
  });
});
