import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/server/auth/actor.ts';
import { notifications, postStatusChanges, slots } from '../../src/server/db/schema/index.ts';
import { copyDocument } from '../../src/server/posts/copyDoc.ts';
import { checkCopyWritable, copyAccess } from '../../src/server/posts/copySync.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { CommentAnchor } from '../../src/shared/api/posts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { api, caller, raw } from '../support/http.ts';
import { editCopy, firstRun, makeWritingMonth, setCopy, typeOver } from '../support/posts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Calls through the endpoint catalogue with this session. */
const as = (cookie: string) => caller(t.app, cookie);

/** The error answer of a valid call that the post's state refuses (its body is typed as the success). */

type TextAnchor = Extract<CommentAnchor, { kind: 'text' }>;

/** A writing month and a post started for its first slot, with this copy. */
async function startPost(agency: TestAgency, copy: string, slot = 0) {
  const db = t.database.db;
  const plan = await makeWritingMonth(db, agency);
  const cm = as(agency.contentManager.cookie);
  const created = await cm(endpoints.createPost, {
    params: { cycleId: plan.cycle.id },
    body: { slotId: plan.slots[slot]!.id },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const postId: string = created.body.post.id;
  await setCopy(db, postId, copy);
  return { plan, postId, cm, full: created.body };
}

const send = async (cookie: string, postId: string) => {
  const current = await as(cookie)(endpoints.getPost, { params: { postId } });
  return as(cookie)(endpoints.movePost, {
    params: { postId },
    body: {
      to: 'client_review',
      version: current.body.post.version,
    },
  });
};

describe('the post status machine', () => {
  it('counts a round per "changes requested", freezes each version and refuses an outdated approval', async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm } = await startPost(agency, 'Новий купаж з Ефіопії.');
    const client = as(agency.approver.cookie);
    // A first draft is the writer's: the client does not learn of it.
    expect((await client(endpoints.getPost, { params: { postId } })).status).toBe(404);

    const sent = await send(agency.contentManager.cookie, postId);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.post).toMatchObject({ status: 'client_review', round: 1, revision: 1 });
    const seen = await client(endpoints.getPost, { params: { postId } });
    expect(seen.body.versions.map((v: { copyText: string }) => v.copyText)).toEqual([
      'Новий купаж з Ефіопії.',
    ]);
    expect(seen.body.post.copyDocument).toBeNull();

    const asked = await client(endpoints.movePost, {
      params: { postId },
      body: {
        to: 'changes_requested',
        revision: 1,
        note: 'Додайте ціну',
      },
    });
    expect(asked.body.post).toMatchObject({ status: 'changes_requested', round: 2 });

    await setCopy(t.database.db, postId, 'Новий купаж з Ефіопії. 320 грн за 250 г.');
    const resent = await send(agency.contentManager.cookie, postId);
    expect(resent.body.post).toMatchObject({ status: 'client_review', round: 2, revision: 2 });

    // The approver's tab still shows revision 1: refused, with a message that says why.
    const outdated = await client(endpoints.movePost, {
      params: { postId },
      body: { to: 'approved', revision: 1 },
    });
    expect(outdated.status).toBe(409);
    expect(errorOf(outdated).code).toBe('post_outdated');
    expect(errorOf(outdated).message).toMatch(/newer version/);

    const approved = await client(endpoints.movePost, {
      params: { postId },
      body: { to: 'approved', revision: 2 },
    });
    expect(approved.body.post).toMatchObject({ status: 'approved', approvedRound: 2, round: 2 });
    expect(
      approved.body.versions.map((v: { revision: number; round: number }) => [v.revision, v.round]),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(approved.body.history.map((h: { to: string; side: string }) => `${h.side}:${h.to}`)).toEqual([
      'agency:client_review',
      'client:changes_requested',
      'agency:client_review',
      'client:approved',
    ]);
    expect(approved.body.history[1]?.note).toBe('Додайте ціну');

    // Published by hand, with its URL; the agency may not skip a step. (The agency's edit
    // counter is its own: a contact's answer carries the revision there.)
    expect(approved.body.post.version).toBe(2);
    const agencyView = await cm(endpoints.getPost, { params: { postId } });
    const publish = await cm(endpoints.movePost, {
      params: { postId },
      body: {
        to: 'published',
        version: agencyView.body.post.version,
        publishedUrl: 'https://instagram.com/p/abc',
      },
    });
    expect(publish.body.post).toMatchObject({
      status: 'published',
      publishedUrl: 'https://instagram.com/p/abc',
    });
  });

  it('celebrates approval in round 1 and refuses moves that are not the next step', async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm } = await startPost(agency, 'Бариста тижня: Олена.');
    const draft = await cm(endpoints.getPost, { params: { postId } });
    const skip = await cm(endpoints.movePost, {
      params: { postId },
      body: {
        to: 'published',
        version: draft.body.post.version,
        publishedUrl: 'https://instagram.com/p/x',
      },
    });
    expect(skip.status).toBe(403);
    await send(agency.contentManager.cookie, postId);
    // The agency cannot approve for the client.
    const selfApproval = await cm(endpoints.movePost, {
      params: { postId },
      body: { to: 'approved', revision: 1 },
    });
    expect(selfApproval.status).toBe(403);
    const ok = await as(agency.approver.cookie)(endpoints.movePost, {
      params: { postId },
      body: {
        to: 'approved',
        revision: 1,
      },
    });
    expect(ok.body.post, JSON.stringify(ok.body)).toMatchObject({ status: 'approved', approvedRound: 1 });
  });

  it('lets two approvers at once produce one approval', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const second = await makeContact(db, agency.client.id, 'approver');
    const { postId } = await startPost(agency, 'Зимове меню.');
    await send(agency.contentManager.cookie, postId);
    const [a, b] = await Promise.all(
      [agency.approver.cookie, second.cookie].map((cookie) =>
        as(cookie)(endpoints.movePost, { params: { postId }, body: { to: 'approved', revision: 1 } }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    expect(errorOf([a, b].find((r) => r!.status === 409)!).code).toBe('post_already_approved');
    const approvals = await db
      .select()
      .from(postStatusChanges)
      .where(and(eq(postStatusChanges.postId, postId), eq(postStatusChanges.toStatus, 'approved')));
    expect(approvals).toHaveLength(1);
  });

  it('approves several posts at once, each answering for itself, and starts the month running', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { plan, postId: first, cm } = await startPost(agency, 'Перший.');
    // The third slot gets a topic too, so every slot has a post to approve.
    await db.update(slots).set({ topicId: plan.topics[2]!.id }).where(eq(slots.id, plan.slots[2]!.id));
    const others: string[] = [];
    for (const slot of [plan.slots[1]!, plan.slots[2]!]) {
      const made = await cm(endpoints.createPost, {
        params: { cycleId: plan.cycle.id },
        body: { slotId: slot.id },
      });
      others.push(made.body.post.id);
      await setCopy(db, made.body.post.id, 'Текст');
    }
    for (const id of [first, ...others]) await send(agency.contentManager.cookie, id);
    const client = as(agency.approver.cookie);
    // A contributor comments but does not approve.
    const contributor = await makeContact(db, agency.client.id, 'contributor');
    const refused = await as(contributor.cookie)(endpoints.approvePosts, {
      params: { cycleId: plan.cycle.id },
      body: {
        posts: [{ postId: first, revision: 1 }],
      },
    });
    expect(refused.status).toBe(403);
    await client(endpoints.movePost, {
      params: { postId: others[1]! },
      body: {
        to: 'changes_requested',
        revision: 1,
        note: 'Інше фото',
      },
    });
    const bulk = await client(endpoints.approvePosts, {
      params: { cycleId: plan.cycle.id },
      body: {
        posts: [
          { postId: first, revision: 1 },
          { postId: others[0]!, revision: 1 },
          { postId: others[1]!, revision: 1 },
        ],
      },
    });
    expect(bulk.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'approved',
      'approved',
      'not_in_review', // sent back for changes since the click
    ]);
    const plan1 = await cm(endpoints.getPlan, { params: { cycleId: plan.cycle.id } });
    expect(plan1.body.cycle.stage).toBe('content');
    expect(plan1.body.cycle.next?.missing).toContain('posts_not_approved');
    // The last post, revised and approved: nothing is left to agree, the month runs.
    await send(agency.contentManager.cookie, others[1]!);
    await client(endpoints.movePost, {
      params: { postId: others[1]! },
      body: { to: 'approved', revision: 2 },
    });
    const plan2 = await cm(endpoints.getPlan, { params: { cycleId: plan.cycle.id } });
    expect(plan2.body.cycle.stage).toBe('running');
  });
});

describe('anchored comments', () => {
  it('keep their phrase through later edits and say so when it is gone', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { postId } = await startPost(agency, 'Новий купаж з Ефіопії. Смак ягід і шоколаду.');
    await send(agency.contentManager.cookie, postId);
    const client = as(agency.approver.cookie);
    const text = 'Новий купаж з Ефіопії. Смак ягід і шоколаду.';
    const start = text.indexOf('Смак ягід');
    const commented = await client(endpoints.createPostComment, {
      params: { postId },
      body: {
        revision: 1,
        body: 'Може, «смак лісових ягід»?',
        anchor: { kind: 'text', start, end: start + 9, quote: 'Смак ягід' },
      },
    });
    expect(commented.status, JSON.stringify(commented.body)).toBe(201);
    // A quote that is not what the version sent says there is a wrong request, not news: the
    // version never changes, so nothing "changed since" (post_outdated is for a newer version).
    const wrong = await client(endpoints.createPostComment, {
      params: { postId },
      body: {
        revision: 1,
        body: 'x',
        anchor: { kind: 'text', start: 0, end: 5, quote: 'Старий' },
      },
    });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).fields).toHaveProperty(['anchor.quote']);

    await client(endpoints.movePost, {
      params: { postId },
      body: {
        to: 'changes_requested',
        revision: 1,
        note: 'Див. коментар',
      },
    });
    // The writer types before the phrase and inside the paragraph: the anchor follows.
    await editCopy(db, postId, (f) => firstRun(f).insert(0, 'Увага! '));
    const moved = await as(agency.contentManager.cookie)(endpoints.getPost, { params: { postId } });
    const anchor = moved.body.comments[0]?.anchor as TextAnchor;
    expect(anchor).toMatchObject({ kind: 'text', quote: 'Смак ягід', current: 'Смак ягід', orphaned: false });
    expect(anchor.start).toBe(start + 7);

    // Rewritten inside: the anchor covers the new wording.
    await editCopy(db, postId, (f) => firstRun(f).insert(start + 7 + 5, 'лісових '));
    const grown = await as(agency.contentManager.cookie)(endpoints.getPost, { params: { postId } });
    expect((grown.body.comments[0]!.anchor as TextAnchor).current).toBe('Смак лісових ягід');

    // The phrase deleted: the comment stays, orphaned, with its quote.
    await editCopy(db, postId, (f) => firstRun(f).delete(start + 7, 'Смак лісових ягід'.length));
    const gone = await as(agency.contentManager.cookie)(endpoints.getPost, { params: { postId } });
    expect(gone.body.comments[0]?.anchor).toMatchObject({ orphaned: true, quote: 'Смак ягід', start: null });
  });

  it('[17.5] keeps a client comment on the whole phrase the writer typed over, for both sides', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const text = 'Новий купаж: Гуджі з Ефіопії, ягідний і яскравий.';
    const { postId } = await startPost(agency, text);
    await send(agency.contentManager.cookie, postId);
    const client = as(agency.approver.cookie);
    const phrase = 'Гуджі з Ефіопії';
    const start = text.indexOf(phrase);
    const commented = await client(endpoints.createPostComment, {
      params: { postId },
      body: {
        revision: 1,
        body: 'Напишіть коротше',
        anchor: { kind: 'text', start, end: start + phrase.length, quote: phrase },
      },
    });
    expect(commented.status, JSON.stringify(commented.body)).toBe(201);
    await client(endpoints.movePost, {
      params: { postId },
      body: { to: 'changes_requested', revision: 1, note: 'Див. коментар' },
    });
    // The writer selects the phrase and types over it in the editor.
    await editCopy(db, postId, (f) => typeOver(f, start, start + phrase.length, 'Гуджі, Ефіопія'));
    const cm = as(agency.contentManager.cookie);
    const writer = await cm(endpoints.getPost, { params: { postId } });
    expect(writer.body.comments[0]?.anchor).toMatchObject({
      quote: phrase,
      current: 'Гуджі, Ефіопія',
      start,
      end: start + 'Гуджі, Ефіопія'.length,
      orphaned: false,
    });
    // Sent again: the client reads the comment on the new wording in the version sent to them.
    await send(agency.contentManager.cookie, postId);
    const reader = await client(endpoints.getPost, { params: { postId } });
    expect(reader.body.comments[0]?.anchor).toMatchObject({ current: 'Гуджі, Ефіопія', orphaned: false });
    // Deleted with nothing in its place: orphaned, with its quote.
    await client(endpoints.movePost, {
      params: { postId },
      body: { to: 'changes_requested', revision: 2, note: 'Ще раз' },
    });
    await editCopy(db, postId, (f) => typeOver(f, start, start + 'Гуджі, Ефіопія'.length, ''));
    const gone = await cm(endpoints.getPost, { params: { postId } });
    expect(gone.body.comments[0]?.anchor).toMatchObject({ orphaned: true, quote: phrase, current: null });
  });

  it("keeps the agency's internal review notes from the client", async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm } = await startPost(agency, 'Текст.');
    await cm(endpoints.createPostComment, {
      params: { postId },
      body: { revision: 0, body: 'Внутрішнє: перевір ціну' },
    });
    await send(agency.contentManager.cookie, postId);
    await cm(endpoints.createPostComment, { params: { postId }, body: { revision: 1, body: 'Для клієнта' } });
    const client = await as(agency.approver.cookie)(endpoints.getPost, { params: { postId } });
    expect(client.body.comments.map((c: { body: string }) => c.body)).toEqual(['Для клієнта']);
    const team = await cm(endpoints.getPost, { params: { postId } });
    expect(team.body.comments).toHaveLength(2);
  });
});

describe('editing', () => {
  it('locks a post while the client reviews it, for the fields and the shared copy', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { postId, cm } = await startPost(agency, 'Текст.');
    const before = await cm(endpoints.getPost, { params: { postId } });
    const saved = await cm(endpoints.updatePost, {
      params: { postId },
      body: {
        version: before.body.post.version,
        hashtags: ['#кава', 'kyivcoffee'],
        visualBrief: 'Фото зерен крупним планом',
      },
    });
    expect(saved.body.post).toMatchObject({
      hashtags: ['кава', 'kyivcoffee'],
      version: before.body.post.version + 1,
    });
    // A time outside the post's month must fail validation: sent as it is, past the catalogue.
    const elsewhere = await raw(t.app, 'PATCH', `/api/posts/${postId}`, {
      cookie: agency.contentManager.cookie,
      body: {
        version: saved.body.post.version,
        publishAt: '2027-01-05T08:00:00Z',
      },
    });
    expect(elsewhere.body.error).toMatchObject({
      code: 'validation_failed',
      fields: { publishAt: expect.any(String) },
    });
    const stale = await cm(endpoints.updatePost, {
      params: { postId },
      body: { version: before.body.post.version, link: '' },
    });
    expect(errorOf(stale).code).toBe('stale_version');
    const name = copyDocument(postId);
    const creator = await loadActor(db, 'test', agency.creator.id);
    expect(await copyAccess(db, creator!, name)).toBe('write');
    await send(agency.contentManager.cookie, postId);
    const locked = await cm(endpoints.updatePost, {
      params: { postId },
      body: { version: saved.body.post.version + 1, link: '' },
    });
    expect(errorOf(locked).code).toBe('post_locked');
    expect(await copyAccess(db, creator!, name)).toBe('read');
    // An edit that raced the send is refused inside the transaction that would store it.
    await expect(db.transaction((tx) => checkCopyWritable(tx, name))).rejects.toMatchObject({
      code: 'post_locked',
    });
    // The client never opens the writer's live document.
    const approver = await loadActor(db, 'test', agency.approver.id);
    expect(await copyAccess(db, approver!, name)).toBeNull();
  });

  it("keeps a written slot's topic: swapping it is a replacement, not a drag", async () => {
    const agency = await makeAgency(t.database.db);
    const { plan, cm } = await startPost(agency, 'Текст.');
    const slot = (await cm(endpoints.getPlan, { params: { cycleId: plan.cycle.id } })).body.slots.find(
      (s: { id: string }) => s.id === plan.slots[0]!.id,
    )!;
    const moved = await api(t.app, endpoints.placeTopicInSlot, {
      params: { slotId: plan.slots[2]!.id },
      cookie: agency.contentManager.cookie,
      body: { topicId: plan.topics[0]!.id, version: 1 },
    });
    expect(moved.status).toBe(409);
    expect(errorOf(moved).message).toMatch(/replacement/);
    const removed = await api(t.app, endpoints.placeTopicInSlot, {
      params: { slotId: slot.id },
      cookie: agency.contentManager.cookie,
      body: { topicId: null, version: slot.version },
    });
    expect(removed.status).toBe(409);
  });

  it('refuses strangers with 404 and other roles with 403', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const other = await makeAgency(db);
    const { postId, plan } = await startPost(agency, 'Текст.');
    await send(agency.contentManager.cookie, postId);
    for (const cookie of [other.contentManager.cookie, agency.otherClientApprover.cookie]) {
      expect((await as(cookie)(endpoints.getPost, { params: { postId } })).status).toBe(404);
      expect(
        (await as(cookie)(endpoints.movePost, { params: { postId }, body: { to: 'approved', revision: 1 } }))
          .status,
      ).toBe(404);
    }
    // With internal review on, a creator's draft goes to a manager before the client.
    const switched = await api(t.app, endpoints.updateClient, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
      body: { postInternalReview: true, version: 1 },
    });
    expect(switched.body.client).toMatchObject({ postInternalReview: true });
    const creator = as(agency.creator.cookie);
    const made = await creator(endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[1]!.id },
    });
    const second: string = made.body.post.id;
    const v = (await creator(endpoints.getPost, { params: { postId: second } })).body.post.version;
    expect(
      (
        await creator(endpoints.movePost, {
          params: { postId: second },
          body: { to: 'client_review', version: v },
        })
      ).status,
    ).toBe(403);
    const internal = await creator(endpoints.movePost, {
      params: { postId: second },
      body: { to: 'internal_review', version: v },
    });
    expect(internal.body.post.status).toBe('internal_review');
    const passed = await as(agency.contentManager.cookie)(endpoints.movePost, {
      params: { postId: second },
      body: {
        to: 'client_review',
        version: internal.body.post.version,
      },
    });
    expect(passed.body.post.status).toBe('client_review');
    const told = await db.select().from(notifications).where(eq(notifications.userId, agency.approver.id));
    expect(told.some((n) => n.kind === 'post_review' && n.emailPending)).toBe(true);
  });
});
