import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, postVersions } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import type { CommentAnchor, PostFull } from '../../src/shared/api/posts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { api, caller, raw } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';
import { editCopy, firstRun, makeWritingMonth, setCopy } from '../support/posts.ts';
import { makePng, multipart } from '../support/uploads.ts';

/**
 * A client contact sees a post only as the last version sent to them: never the agency's
 * edits since, its draft files, its internal review, or its live copy (issue 15, "Posts").
 */

let t: TestApp;
let host: string;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'http://plit.test' });
  host = await listen(t.app);
});
afterAll(() => t.close());

/** Calls through the endpoint catalogue with this session. */
const as = (cookie: string) => caller(t.app, cookie);

type TextAnchor = Extract<CommentAnchor, { kind: 'text' }>;

/** A marker unique to this run, to look for in whatever a contact receives. */
const marker = (what: string) => `MARKER-${what}-${crypto.randomUUID().slice(0, 8)}`;

const COPY = 'Новий купаж з Ефіопії. Смак ягід і шоколаду.';
const PHRASE = 'Смак ягід';

async function uploadAsset(cookie: string, postId: string, name: string) {
  const { body, contentType } = multipart(name, makePng(8, 8), 'image/png');
  const res = await raw(t.app, 'POST', urlOf(endpoints.uploadPostAsset, { params: { postId } }), {
    cookie,
    body,
    headers: { 'content-type': contentType },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const full = res.body as PostFull;
  return full.post.assets.find((a) => a.name === name)!;
}

const download = (cookie: string, assetId: string) =>
  raw(t.app, 'GET', urlOf(endpoints.downloadPostAsset, { params: { assetId }, query: {} }), { cookie });

/**
 * A post sent to the client with its copy, fields and one file (all marked "sent"), and the
 * client's approver asking for changes: the agency may now write again.
 */
async function sentPost(agency: TestAgency) {
  const db = t.database.db;
  const plan = await makeWritingMonth(db, agency);
  const cm = as(agency.contentManager.cookie);
  const client = as(agency.approver.cookie);
  const created = await cm(endpoints.createPost, {
    params: { cycleId: plan.cycle.id },
    body: { slotId: plan.slots[0]!.id },
  });
  expect(created.status).toBe(201);
  const postId: string = created.body.post.id;
  await setCopy(db, postId, COPY);
  const sent = {
    brief: marker('sent-brief'),
    hashtag: `sent_${crypto.randomUUID().slice(0, 8)}`,
    link: `https://example.com/${marker('sent-link')}`,
    firstComment: marker('sent-first'),
    asset: `${marker('sent-asset')}.png`,
  };
  const fields = await cm(endpoints.updatePost, {
    params: { postId },
    body: {
      version: created.body.post.version,
      visualBrief: sent.brief,
      hashtags: [sent.hashtag],
      link: sent.link,
      firstComment: sent.firstComment,
    },
  });
  expect(fields.status).toBe(200);
  const sentAsset = await uploadAsset(agency.contentManager.cookie, postId, sent.asset);
  const before = await cm(endpoints.getPost, { params: { postId } });
  const moved = await cm(endpoints.movePost, {
    params: { postId },
    body: { to: 'client_review', version: before.body.post.version },
  });
  expect(moved.status).toBe(200);
  const publishAt = moved.body.post.publishAt;
  return { plan, postId, cm, client, sent, sentAsset, publishAt };
}

async function requestChanges(client: ReturnType<typeof as>, postId: string) {
  const asked = await client(endpoints.movePost, {
    params: { postId },
    body: { to: 'changes_requested', revision: 1, note: 'Додайте ціну' },
  });
  expect(asked.status).toBe(200);
}

/** The agency rewrites everything of a post in changes_requested, with markers of its own. */
async function agencyRewrites(agency: TestAgency, postId: string, publishAt: string) {
  const cm = as(agency.contentManager.cookie);
  const unsent = {
    brief: marker('brief'),
    hashtag: `unsent_${crypto.randomUUID().slice(0, 8)}`,
    link: `https://example.com/${marker('link')}`,
    firstComment: marker('first'),
    copy: marker('copy'),
    asset: `${marker('asset')}.png`,
  };
  const current = await cm(endpoints.getPost, { params: { postId } });
  const moved = new Date(new Date(publishAt).getTime() + 3600_000).toISOString();
  const edited = await cm(endpoints.updatePost, {
    params: { postId },
    body: {
      version: current.body.post.version,
      visualBrief: unsent.brief,
      hashtags: [unsent.hashtag],
      link: unsent.link,
      firstComment: unsent.firstComment,
      publishAt: moved,
    },
  });
  expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  // New wording before the phrase and inside it.
  await editCopy(t.database.db, postId, (f) => firstRun(f).insert(0, `${unsent.copy} `));
  const inside = unsent.copy.length + 1 + COPY.indexOf(PHRASE) + 'Смак '.length;
  await editCopy(t.database.db, postId, (f) => firstRun(f).insert(inside, `${unsent.copy}-inside `));
  const draftAsset = await uploadAsset(agency.contentManager.cookie, postId, unsent.asset);
  const at = COPY.indexOf(PHRASE) + 'Смак '.length;
  // The live copy now (the post row's copyText follows the collab server, not these writes).
  const live = `${unsent.copy} ${COPY.slice(0, at)}${unsent.copy}-inside ${COPY.slice(at)}`;
  return { unsent, draftAsset, movedPublishAt: moved, live };
}

describe('a contact sees a post as the version sent to them', () => {
  it("reads the sent copy, brief, hashtags, link, first comment, files and time, not the agency's edits since", async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm, client, sent, sentAsset, publishAt, plan } = await sentPost(agency);
    await requestChanges(client, postId);
    const { unsent, draftAsset, movedPublishAt } = await agencyRewrites(agency, postId, publishAt);
    // The agency passes it through its internal review: not the client's business.
    const current = await cm(endpoints.getPost, { params: { postId } });
    const internal = await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'internal_review', version: current.body.post.version },
    });
    expect(internal.status).toBe(200);
    await cm(endpoints.createPostComment, {
      params: { postId },
      body: { revision: 1, body: marker('internal-note') },
    });

    const seen = await client(endpoints.getPost, { params: { postId } });
    expect(seen.status).toBe(200);
    const json = JSON.stringify(seen.body);
    for (const value of Object.values(unsent)) expect(json).not.toContain(value);
    expect(json).not.toContain('MARKER-internal-note');
    expect(json).not.toContain('internal_review');
    expect(json).not.toContain(draftAsset.id);
    // ...and what was sent is all there.
    expect(seen.body.post).toMatchObject({
      status: 'changes_requested',
      copyText: COPY,
      visualBrief: sent.brief,
      hashtags: [sent.hashtag],
      link: sent.link,
      firstComment: sent.firstComment,
      publishAt,
      editedAfterApproval: false,
      copyDocument: null,
      revision: 1,
      version: 1,
    });
    expect(seen.body.post.assets.map((a: { id: string; name: string }) => [a.id, a.name])).toEqual([
      [sentAsset.id, sent.asset],
    ]);
    expect(seen.body.history.map((h: { to: string }) => h.to)).toEqual([
      'client_review',
      'changes_requested',
    ]);
    // Whether the agency reviews internally is its own way of working.
    expect(seen.body.client.internalReview).toBeNull();

    // The list says the same.
    const list = await client(endpoints.listPosts, { params: { cycleId: plan.cycle.id } });
    const listed = JSON.stringify(list.body);
    for (const value of Object.values(unsent)) expect(listed).not.toContain(value);
    expect(list.body.posts[0]).toMatchObject({
      id: postId,
      status: 'changes_requested',
      copyText: COPY,
      publishAt,
      openComments: 0,
    });

    // The agency, meanwhile, works on its own version of everything.
    const team = await cm(endpoints.getPost, { params: { postId } });
    expect(team.body.post).toMatchObject({
      status: 'internal_review',
      visualBrief: unsent.brief,
      publishAt: movedPublishAt,
    });
    expect(team.body.post.assets).toHaveLength(2);
    expect(typeof team.body.client.internalReview).toBe('boolean');
    expect(team.body.history.map((h: { to: string }) => h.to)).toContain('internal_review');

    // Sent again, the contact reads the new version (and still not the internal note).
    const resent = await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'client_review', version: team.body.post.version },
    });
    expect(resent.status).toBe(200);
    const next = await client(endpoints.getPost, { params: { postId } });
    expect(next.body.post).toMatchObject({
      status: 'client_review',
      revision: 2,
      visualBrief: unsent.brief,
      publishAt: movedPublishAt,
    });
    expect(next.body.post.copyText).toContain(unsent.copy);
    expect(next.body.post.assets.map((a: { id: string }) => a.id)).toEqual([sentAsset.id, draftAsset.id]);
    expect(JSON.stringify(next.body)).not.toContain('MARKER-internal-note');
  });

  it('shows a post the agency took back before the client answered as a draft, without its edits', async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm, client, sent } = await sentPost(agency);
    const current = await cm(endpoints.getPost, { params: { postId } });
    const back = await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'draft', version: current.body.post.version, note: 'Ще попрацюємо' },
    });
    expect(back.status).toBe(200);
    const brief = marker('brief');
    await cm(endpoints.updatePost, {
      params: { postId },
      body: { version: back.body.post.version, visualBrief: brief },
    });
    const internal = await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'internal_review', version: back.body.post.version + 1 },
    });
    expect(internal.status).toBe(200);
    const seen = await client(endpoints.getPost, { params: { postId } });
    expect(seen.body.post).toMatchObject({ status: 'draft', visualBrief: sent.brief });
    expect(seen.body.permissions.approve).toBe(false);
    expect(JSON.stringify(seen.body)).not.toContain(brief);
    expect(JSON.stringify(seen.body)).not.toContain('internal_review');
  });
});

describe("a post's files, for a contact", () => {
  it('a draft file answers 404 to a contact and 200 to the agency; a sent one downloads, even taken off the post', async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm, client, sentAsset, publishAt } = await sentPost(agency);
    await requestChanges(client, postId);
    const { draftAsset } = await agencyRewrites(agency, postId, publishAt);

    expect((await download(agency.approver.cookie, draftAsset.id)).status).toBe(404);
    const contributor = await makeContact(t.database.db, agency.client.id, 'contributor');
    expect((await download(contributor.cookie, draftAsset.id)).status).toBe(404);
    expect((await download(agency.contentManager.cookie, draftAsset.id)).status).toBe(200);
    expect((await download(agency.approver.cookie, sentAsset.id)).status).toBe(200);

    // A visual comment names a file of the version sent, or it is as if the file did not exist.
    const onDraft = await client(endpoints.createPostComment, {
      params: { postId },
      body: { revision: 1, body: 'Це фото?', anchor: { kind: 'visual', assetId: draftAsset.id } },
    });
    expect(onDraft.status).toBe(404);
    const onSent = await client(endpoints.createPostComment, {
      params: { postId },
      body: { revision: 1, body: 'Гарне фото', anchor: { kind: 'visual', assetId: sentAsset.id } },
    });
    expect(onSent.status).toBe(201);

    // Taken off the post, the sent file is still what the client was sent: it stays for them.
    const removed = await cm(endpoints.deletePostAsset, { params: { assetId: sentAsset.id } });
    expect(removed.status).toBe(200);
    expect(removed.body.post.assets.map((a: { id: string }) => a.id)).toEqual([draftAsset.id]);
    expect((await download(agency.approver.cookie, sentAsset.id)).status).toBe(200);
    const seen = await client(endpoints.getPost, { params: { postId } });
    expect(seen.body.post.assets.map((a: { id: string }) => a.id)).toEqual([sentAsset.id]);
  });
});

describe('comments of a contact, anchored in the version sent', () => {
  it("resolves a contact's anchor in the sent version: anchor.current is the sent wording", async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm, client, publishAt } = await sentPost(agency);
    const start = COPY.indexOf(PHRASE);
    const commented = await client(endpoints.createPostComment, {
      params: { postId },
      body: {
        revision: 1,
        body: 'Може, «смак лісових ягід»?',
        anchor: { kind: 'text', start, end: start + PHRASE.length, quote: PHRASE },
      },
    });
    expect(commented.status).toBe(201);
    await requestChanges(client, postId);
    const { unsent } = await agencyRewrites(agency, postId, publishAt);

    const seen = await client(endpoints.getPost, { params: { postId } });
    const mine = seen.body.comments[0]!.anchor as TextAnchor;
    expect(mine).toMatchObject({
      quote: PHRASE,
      current: PHRASE,
      start,
      end: start + PHRASE.length,
      orphaned: false,
    });
    expect(JSON.stringify(seen.body)).not.toContain(unsent.copy);

    // The agency follows the phrase into its live copy, new wording and all.
    const team = await cm(endpoints.getPost, { params: { postId } });
    const theirs = team.body.comments[0]!.anchor as TextAnchor;
    expect(theirs.current).toBe(`Смак ${unsent.copy}-inside ягід`);
    expect(theirs.start).toBe(unsent.copy.length + 1 + start);
  });

  it("takes a contact's comment on the sent offsets after the agency edited the copy (no post_outdated), placed on the phrase in the live copy", async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm, client, publishAt } = await sentPost(agency);
    await requestChanges(client, postId);
    const { unsent, live } = await agencyRewrites(agency, postId, publishAt);
    const start = COPY.indexOf('шоколаду');
    const commented = await client(endpoints.createPostComment, {
      params: { postId },
      body: {
        revision: 1,
        body: 'Темного шоколаду',
        anchor: { kind: 'text', start, end: start + 'шоколаду'.length, quote: 'шоколаду' },
      },
    });
    expect(commented.status, JSON.stringify(commented.body)).toBe(201);
    expect(JSON.stringify(commented.body)).not.toContain(unsent.copy);
    expect(commented.body.comments[0]!.anchor).toMatchObject({
      quote: 'шоколаду',
      current: 'шоколаду',
      start,
      orphaned: false,
    });

    const team = await cm(endpoints.getPost, { params: { postId } });
    const theirs = team.body.comments[0]!.anchor as TextAnchor;
    expect(theirs).toMatchObject({ current: 'шоколаду', orphaned: false });
    expect(theirs.start).toBe(live.indexOf('шоколаду'));
    expect(theirs.start).not.toBe(start);

    // An offset that is not the version's text is a wrong request, and says nothing of the live copy.
    const wrong = await client(endpoints.createPostComment, {
      params: { postId },
      body: {
        revision: 1,
        body: 'x',
        anchor: { kind: 'text', start: 0, end: 5, quote: unsent.copy.slice(0, 5) },
      },
    });
    expect(wrong.status).toBe(400);

    // Once a newer version is sent, a comment on the older one is honestly outdated.
    const current = await cm(endpoints.getPost, { params: { postId } });
    await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'client_review', version: current.body.post.version },
    });
    const outdated = await client(endpoints.createPostComment, {
      params: { postId },
      body: { revision: 1, body: 'x', anchor: { kind: 'text', start, end: start + 8, quote: 'шоколаду' } },
    });
    expect(errorOf(outdated).code).toBe('post_outdated');
  });

  it('on a version sent before its Yjs state was kept, keeps the comment with its quote and leaks nothing', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { postId, cm, client, publishAt } = await sentPost(agency);
    await db
      .update(postVersions)
      .set({ copyState: null })
      .where(and(eq(postVersions.postId, postId), eq(postVersions.revision, 1)));
    await requestChanges(client, postId);
    const { unsent } = await agencyRewrites(agency, postId, publishAt);
    const start = COPY.indexOf(PHRASE);
    const commented = await client(endpoints.createPostComment, {
      params: { postId },
      body: {
        revision: 1,
        body: 'Про ягоди',
        anchor: { kind: 'text', start, end: start + PHRASE.length, quote: PHRASE },
      },
    });
    expect(commented.status).toBe(201);
    expect(JSON.stringify(commented.body)).not.toContain(unsent.copy);
    expect(commented.body.comments[0]!.anchor).toMatchObject({ quote: PHRASE, current: PHRASE, start });
    // The live copy has moved on: the agency keeps the quote, orphaned.
    const team = await cm(endpoints.getPost, { params: { postId } });
    expect(team.body.comments[0]!.anchor).toMatchObject({ quote: PHRASE, orphaned: true, start: null });
  });
});

describe('what reaches a contact live while the agency works', () => {
  it('[A1] the agency editing a post in changes_requested and taking it to internal review sends a contact nothing of it', async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const { postId, cm, client, publishAt } = await sentPost(agency);
    await requestChanges(client, postId);
    const teamLive = await openLive(host, agency.contentManager.cookie);
    expect((await teamLive.subscribe(`client:${clientId}:team`)).type).toBe('subscribed');
    const contactLive = await openLive(host, agency.approver.cookie);
    expect((await contactLive.subscribe(`client:${clientId}:all`)).type).toBe('subscribed');

    const { unsent } = await agencyRewrites(agency, postId, publishAt);
    const current = await cm(endpoints.getPost, { params: { postId } });
    await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'internal_review', version: current.body.post.version },
    });
    await teamLive.next((f) => JSON.stringify(f).includes('internal_review'));
    // The next version goes out: the one move of all this the client hears of.
    await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'client_review', version: current.body.post.version + 1 },
    });
    await contactLive.next((f) => JSON.stringify(f).includes('"to":"client_review"'));
    const frames = JSON.stringify(contactLive.frames);
    for (const value of Object.values(unsent)) expect(frames).not.toContain(value);
    expect(frames).not.toContain('internal_review');
    const events = contactLive.frames
      .filter((f) => f.type === 'event')
      .map((f) => (f.event as { type: string }).type);
    expect(events).toEqual(['post.status_changed']);
    // The team heard all of it.
    const teamTypes = teamLive.frames
      .filter((f) => f.type === 'event')
      .map((f) => (f.event as { type: string }).type);
    expect(teamTypes).toEqual(
      expect.arrayContaining(['post.updated', 'post.asset_added', 'post.status_changed']),
    );
    // Nor does the activity feed tell it.
    const feed = await api(t.app, endpoints.listClientEvents, {
      params: { clientId },
      query: { limit: 100 },
      cookie: agency.approver.cookie,
    });
    const told = JSON.stringify(feed.body);
    for (const value of Object.values(unsent)) expect(told).not.toContain(value);
    expect(told).not.toContain('internal_review');
    expect(told).not.toContain('post.updated');
    teamLive.close();
    contactLive.close();
  });
});

describe('what a contact reads of the agency’s own steps', () => {
  it('names no internal review in a contact’s history: the move reached them from draft', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    await db.update(clients).set({ postInternalReview: true }).where(eq(clients.id, agency.client.id));
    const plan = await makeWritingMonth(db, agency);
    const cm = as(agency.contentManager.cookie);
    const created = await cm(endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[0]!.id },
    });
    const postId = created.body.post.id;
    await setCopy(db, postId, COPY);
    let version = (await cm(endpoints.getPost, { params: { postId } })).body.post.version;
    for (const to of ['internal_review', 'client_review'] as const) {
      const moved = await cm(endpoints.movePost, { params: { postId }, body: { to, version } });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      version = moved.body.post.version;
    }
    const seen = await as(agency.approver.cookie)(endpoints.getPost, { params: { postId } });
    expect(seen.body.history.map((h) => [h.from, h.to])).toEqual([['draft', 'client_review']]);
    expect(JSON.stringify(seen.body)).not.toContain('internal_review');
    // The agency keeps its own record.
    const team = await cm(endpoints.getPost, { params: { postId } });
    expect(team.body.history.map((h) => [h.from, h.to])).toEqual([
      ['draft', 'internal_review'],
      ['internal_review', 'client_review'],
    ]);
  });

  it('an agency note on a file not sent yet reads, for a contact, as a note on the visual', async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm, client } = await sentPost(agency);
    await requestChanges(client, postId);
    const fresh = await uploadAsset(agency.contentManager.cookie, postId, `${marker('new-file')}.png`);
    const noted = await cm(endpoints.createPostComment, {
      params: { postId },
      body: { revision: 1, body: 'Ось новий варіант фото', anchor: { kind: 'visual', assetId: fresh.id } },
    });
    expect(noted.status, JSON.stringify(noted.body)).toBe(201);
    const seen = await client(endpoints.getPost, { params: { postId } });
    const note = seen.body.comments.find((c) => c.body === 'Ось новий варіант фото')!;
    expect(note.anchor).toEqual({ kind: 'visual', assetId: null });
    expect(JSON.stringify(seen.body)).not.toContain(fresh.id);
    const team = await cm(endpoints.getPost, { params: { postId } });
    expect(team.body.comments.find((c) => c.body === 'Ось новий варіант фото')!.anchor).toEqual({
      kind: 'visual',
      assetId: fresh.id,
    });
  });
});
