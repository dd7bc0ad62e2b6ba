import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../src/server/auth/actor.ts';
import { notifications, postStatusChanges, slots } from '../../src/server/db/schema/index.ts';
import { copyDocument } from '../../src/server/posts/copyDoc.ts';
import { checkCopyWritable, copyAccess } from '../../src/server/posts/copySync.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { call } from '../support/http.ts';
import { editCopy, firstRun, makeWritingMonth, setCopy } from '../support/posts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (cookie: string) => ({
  get: (url: string) => call(t.app, 'GET', url, { cookie }),
  post: (url: string, body?: unknown) => call(t.app, 'POST', url, { cookie, body }),
  patch: (url: string, body: unknown) => call(t.app, 'PATCH', url, { cookie, body }),
});

/** A writing month and a post started for its first slot, with this copy. */
async function startPost(agency: TestAgency, copy: string, slot = 0) {
  const db = t.database.db;
  const plan = await makeWritingMonth(db, agency);
  const cm = as(agency.contentManager.cookie);
  const created = await cm.post(`/api/cycles/${plan.cycle.id}/posts`, { slotId: plan.slots[slot]!.id });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const postId: string = created.body.post.id;
  await setCopy(db, postId, copy);
  return { plan, postId, cm, full: created.body };
}

const send = async (cookie: string, postId: string) => {
  const current = await as(cookie).get(`/api/posts/${postId}`);
  return as(cookie).post(`/api/posts/${postId}/status`, {
    to: 'client_review',
    version: current.body.post.version,
  });
};

describe('the post status machine', () => {
  it('counts a round per "changes requested", freezes each version and refuses an outdated approval', async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm } = await startPost(agency, 'Новий купаж з Ефіопії.');
    const client = as(agency.approver.cookie);
    // A first draft is the writer's: the client does not learn of it.
    expect((await client.get(`/api/posts/${postId}`)).status).toBe(404);

    const sent = await send(agency.contentManager.cookie, postId);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.post).toMatchObject({ status: 'client_review', round: 1, revision: 1 });
    const seen = await client.get(`/api/posts/${postId}`);
    expect(seen.body.versions.map((v: { copyText: string }) => v.copyText)).toEqual([
      'Новий купаж з Ефіопії.',
    ]);
    expect(seen.body.post.copyDocument).toBeNull();

    const asked = await client.post(`/api/posts/${postId}/status`, {
      to: 'changes_requested',
      revision: 1,
      note: 'Додайте ціну',
    });
    expect(asked.body.post).toMatchObject({ status: 'changes_requested', round: 2 });

    await setCopy(t.database.db, postId, 'Новий купаж з Ефіопії. 320 грн за 250 г.');
    const resent = await send(agency.contentManager.cookie, postId);
    expect(resent.body.post).toMatchObject({ status: 'client_review', round: 2, revision: 2 });

    // The approver's tab still shows revision 1: refused, with a message that says why.
    const outdated = await client.post(`/api/posts/${postId}/status`, { to: 'approved', revision: 1 });
    expect(outdated.status).toBe(409);
    expect(outdated.body.error.code).toBe('post_outdated');
    expect(outdated.body.error.message).toMatch(/newer version/);

    const approved = await client.post(`/api/posts/${postId}/status`, { to: 'approved', revision: 2 });
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
    expect(approved.body.history[1].note).toBe('Додайте ціну');

    // Published by hand, with its URL; the agency may not skip a step.
    const publish = await cm.post(`/api/posts/${postId}/status`, {
      to: 'published',
      version: approved.body.post.version,
      publishedUrl: 'https://instagram.com/p/abc',
    });
    expect(publish.body.post).toMatchObject({
      status: 'published',
      publishedUrl: 'https://instagram.com/p/abc',
    });
  });

  it('celebrates approval in round 1 and refuses moves that are not the next step', async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm } = await startPost(agency, 'Бариста тижня: Олена.');
    const draft = await cm.get(`/api/posts/${postId}`);
    const skip = await cm.post(`/api/posts/${postId}/status`, {
      to: 'published',
      version: draft.body.post.version,
      publishedUrl: 'https://instagram.com/p/x',
    });
    expect(skip.status).toBe(403);
    await send(agency.contentManager.cookie, postId);
    // The agency cannot approve for the client.
    const selfApproval = await cm.post(`/api/posts/${postId}/status`, { to: 'approved', revision: 1 });
    expect(selfApproval.status).toBe(403);
    const ok = await as(agency.approver.cookie).post(`/api/posts/${postId}/status`, {
      to: 'approved',
      revision: 1,
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
        as(cookie).post(`/api/posts/${postId}/status`, { to: 'approved', revision: 1 }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r!.status === 409)!.body.error.code).toBe('post_already_approved');
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
      const made = await cm.post(`/api/cycles/${plan.cycle.id}/posts`, { slotId: slot.id });
      others.push(made.body.post.id);
      await setCopy(db, made.body.post.id, 'Текст');
    }
    for (const id of [first, ...others]) await send(agency.contentManager.cookie, id);
    const client = as(agency.approver.cookie);
    // A contributor comments but does not approve.
    const contributor = await makeContact(db, agency.client.id, 'contributor');
    const refused = await as(contributor.cookie).post(`/api/cycles/${plan.cycle.id}/posts/approve`, {
      posts: [{ postId: first, revision: 1 }],
    });
    expect(refused.status).toBe(403);
    await client.post(`/api/posts/${others[1]}/status`, {
      to: 'changes_requested',
      revision: 1,
      note: 'Інше фото',
    });
    const bulk = await client.post(`/api/cycles/${plan.cycle.id}/posts/approve`, {
      posts: [
        { postId: first, revision: 1 },
        { postId: others[0], revision: 1 },
        { postId: others[1], revision: 1 },
      ],
    });
    expect(bulk.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'approved',
      'approved',
      'not_in_review', // sent back for changes since the click
    ]);
    const plan1 = await cm.get(`/api/cycles/${plan.cycle.id}/plan`);
    expect(plan1.body.cycle.stage).toBe('content');
    expect(plan1.body.cycle.next.missing).toContain('posts_not_approved');
    // The last post, revised and approved: nothing is left to agree, the month runs.
    await send(agency.contentManager.cookie, others[1]!);
    await client.post(`/api/posts/${others[1]}/status`, { to: 'approved', revision: 2 });
    const plan2 = await cm.get(`/api/cycles/${plan.cycle.id}/plan`);
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
    const commented = await client.post(`/api/posts/${postId}/comments`, {
      revision: 1,
      body: 'Може, «смак лісових ягід»?',
      anchor: { kind: 'text', start, end: start + 9, quote: 'Смак ягід' },
    });
    expect(commented.status, JSON.stringify(commented.body)).toBe(201);
    // A quote that is not what the copy says there is refused: the client saw another text.
    const wrong = await client.post(`/api/posts/${postId}/comments`, {
      revision: 1,
      body: 'x',
      anchor: { kind: 'text', start: 0, end: 5, quote: 'Старий' },
    });
    expect(wrong.status).toBe(409);

    await client.post(`/api/posts/${postId}/status`, {
      to: 'changes_requested',
      revision: 1,
      note: 'Див. коментар',
    });
    // The writer types before the phrase and inside the paragraph: the anchor follows.
    await editCopy(db, postId, (f) => firstRun(f).insert(0, 'Увага! '));
    const moved = await as(agency.contentManager.cookie).get(`/api/posts/${postId}`);
    const anchor = moved.body.comments[0].anchor;
    expect(anchor).toMatchObject({ kind: 'text', quote: 'Смак ягід', current: 'Смак ягід', orphaned: false });
    expect(anchor.start).toBe(start + 7);

    // Rewritten inside: the anchor covers the new wording.
    await editCopy(db, postId, (f) => firstRun(f).insert(start + 7 + 5, 'лісових '));
    const grown = await as(agency.contentManager.cookie).get(`/api/posts/${postId}`);
    expect(grown.body.comments[0].anchor.current).toBe('Смак лісових ягід');

    // The phrase deleted: the comment stays, orphaned, with its quote.
    await editCopy(db, postId, (f) => firstRun(f).delete(start + 7, 'Смак лісових ягід'.length));
    const gone = await as(agency.contentManager.cookie).get(`/api/posts/${postId}`);
    expect(gone.body.comments[0].anchor).toMatchObject({ orphaned: true, quote: 'Смак ягід', start: null });
  });

  it("keeps the agency's internal review notes from the client", async () => {
    const agency = await makeAgency(t.database.db);
    const { postId, cm } = await startPost(agency, 'Текст.');
    await cm.post(`/api/posts/${postId}/comments`, { revision: 0, body: 'Внутрішнє: перевір ціну' });
    await send(agency.contentManager.cookie, postId);
    await cm.post(`/api/posts/${postId}/comments`, { revision: 1, body: 'Для клієнта' });
    const client = await as(agency.approver.cookie).get(`/api/posts/${postId}`);
    expect(client.body.comments.map((c: { body: string }) => c.body)).toEqual(['Для клієнта']);
    const team = await cm.get(`/api/posts/${postId}`);
    expect(team.body.comments).toHaveLength(2);
  });
});

describe('editing', () => {
  it('locks a post while the client reviews it, for the fields and the shared copy', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { postId, cm } = await startPost(agency, 'Текст.');
    const before = await cm.get(`/api/posts/${postId}`);
    const saved = await cm.patch(`/api/posts/${postId}`, {
      version: before.body.post.version,
      hashtags: ['#кава', 'kyivcoffee'],
      visualBrief: 'Фото зерен крупним планом',
    });
    expect(saved.body.post).toMatchObject({
      hashtags: ['кава', 'kyivcoffee'],
      version: before.body.post.version + 1,
    });
    const elsewhere = await cm.patch(`/api/posts/${postId}`, {
      version: saved.body.post.version,
      publishAt: '2027-01-05T08:00:00Z',
    });
    expect(elsewhere.body.error).toMatchObject({
      code: 'validation_failed',
      fields: { publishAt: expect.any(String) },
    });
    const stale = await cm.patch(`/api/posts/${postId}`, { version: before.body.post.version, link: '' });
    expect(stale.body.error.code).toBe('stale_version');
    const name = copyDocument(postId);
    const creator = await loadActor(db, 'test', agency.creator.id);
    expect(await copyAccess(db, creator!, name)).toBe('write');
    await send(agency.contentManager.cookie, postId);
    const locked = await cm.patch(`/api/posts/${postId}`, { version: saved.body.post.version + 1, link: '' });
    expect(locked.body.error.code).toBe('post_locked');
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
    const slot = (await cm.get(`/api/cycles/${plan.cycle.id}/plan`)).body.slots.find(
      (s: { id: string }) => s.id === plan.slots[0]!.id,
    );
    const moved = await call(t.app, 'PUT', `/api/slots/${plan.slots[2]!.id}/topic`, {
      cookie: agency.contentManager.cookie,
      body: { topicId: plan.topics[0]!.id, version: 1 },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toMatch(/replacement/);
    const removed = await call(t.app, 'PUT', `/api/slots/${slot.id}/topic`, {
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
      expect((await as(cookie).get(`/api/posts/${postId}`)).status).toBe(404);
      expect(
        (await as(cookie).post(`/api/posts/${postId}/status`, { to: 'approved', revision: 1 })).status,
      ).toBe(404);
    }
    // With internal review on, a creator's draft goes to a manager before the client.
    const switched = await call(t.app, 'PATCH', `/api/clients/${agency.client.id}`, {
      cookie: agency.contentManager.cookie,
      body: { postInternalReview: true, version: 1 },
    });
    expect(switched.body.client).toMatchObject({ postInternalReview: true });
    const creator = as(agency.creator.cookie);
    const made = await creator.post(`/api/cycles/${plan.cycle.id}/posts`, { slotId: plan.slots[1]!.id });
    const second: string = made.body.post.id;
    const v = (await creator.get(`/api/posts/${second}`)).body.post.version;
    expect(
      (await creator.post(`/api/posts/${second}/status`, { to: 'client_review', version: v })).status,
    ).toBe(403);
    const internal = await creator.post(`/api/posts/${second}/status`, { to: 'internal_review', version: v });
    expect(internal.body.post.status).toBe('internal_review');
    const passed = await as(agency.contentManager.cookie).post(`/api/posts/${second}/status`, {
      to: 'client_review',
      version: internal.body.post.version,
    });
    expect(passed.body.post.status).toBe('client_review');
    const told = await db.select().from(notifications).where(eq(notifications.userId, agency.approver.id));
    expect(told.some((n) => n.kind === 'post_review' && n.emailPending)).toBe(true);
  });
});
