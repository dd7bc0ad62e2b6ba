import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLink } from '../../src/server/auth/scopedLinks.ts';
import { cycles, factItems, factRequests, meetings, posts } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { Wait } from '../../src/shared/api/whoseMove.ts';
import { localParts, zonedInstant } from '../../src/shared/time.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, makeContact, type TestAgency } from '../support/factories.ts';
import { api, caller } from '../support/http.ts';
import { makePlanForMeeting } from '../support/meetings.ts';
import { makeCycle } from '../support/planning.ts';
import { makeWritingMonth, setCopy } from '../support/posts.ts';

/**
 * Whose move it is, computed from what actually waits (issue 17, "Must work" 1 and 2): the same
 * owner for both sides, the waits named, a contact shown nothing of the agency's desk; and the
 * client's to-do built on the same rule.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * A post's approval deadline, when the test sends it today: the rule's date, or today in Kyiv
 * if that has passed (a post sent after its deadline is due the day it was sent).
 */
const sentLateDue = (rule: string) => {
  const today = localParts(new Date(), 'Europe/Kyiv').date;
  return today > rule ? today : rule;
};

const as = (cookie: string) => caller(t.app, cookie);
const kinds = (waiting: Wait[]) => waiting.map((w) => w.kind);

/** The month's cycle as the cycle list, the plan and the client card give it, for one person. */
async function movesSeenBy(cookie: string, agency: TestAgency, cycleId: string) {
  const listed = await as(cookie)(endpoints.listCycles, { params: { clientId: agency.client.id } });
  const cycle = listed.body.cycles.find((c) => c.id === cycleId)!;
  const plan = await as(cookie)(endpoints.getPlan, { params: { cycleId } });
  const clients = await as(cookie)(endpoints.listClients, { query: {} });
  const card = clients.body.clients.find((c) => c.id === agency.client.id)!;
  const fromCard = [card.currentCycle, card.nextCycle].find((c) => c?.id === cycleId)!;
  // One rule behind every place that shows it.
  expect({ owner: plan.body.cycle.owner, waiting: plan.body.cycle.waiting }).toEqual({
    owner: cycle.owner,
    waiting: cycle.waiting,
  });
  expect({ owner: fromCard.owner, waiting: fromCard.waiting }).toEqual({
    owner: cycle.owner,
    waiting: cycle.waiting,
  });
  return { owner: cycle.owner, waiting: cycle.waiting, card: fromCard };
}

/** A post of this slot written and sent to the client (round 1). */
async function sentPost(agency: TestAgency, cycleId: string, slotId: string) {
  const cm = as(agency.contentManager.cookie);
  const created = await cm(endpoints.createPost, { params: { cycleId }, body: { slotId } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const postId = created.body.post.id;
  await setCopy(t.database.db, postId, 'Новий купаж з Ефіопії.');
  const sent = await cm(endpoints.movePost, {
    params: { postId },
    body: { to: 'client_review', version: created.body.post.version },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return postId;
}

/** Items of the month's (already sent) fact request: one to answer, one with a follow-up asked. */
async function factsWaiting(cycleId: string, agency: TestAgency) {
  const [request] = await t.database.db.select().from(factRequests).where(eq(factRequests.cycleId, cycleId));
  await t.database.db.insert(factItems).values([
    { requestId: request!.id, question: 'Ціна за 250 г', source: 'manual', position: 1, dueOn: '2026-12-09' },
    {
      requestId: request!.id,
      question: 'Посилання на магазин',
      source: 'manual',
      position: 2,
      dueOn: '2026-12-08',
      status: 'follow_up',
      answer: { kind: 'text', text: 'ось' },
    },
    {
      requestId: request!.id,
      question: 'Графік',
      source: 'manual',
      position: 3,
      status: 'answered',
      answer: { kind: 'text', text: '9–21' },
      contactId: agency.approver.id,
    },
  ]);
  return request!;
}

describe('[17.1] whose move, from what actually waits', () => {
  it('[17.1] posts waiting for approval and fact follow-ups make it the client’s move on both sides, named with the posts’ due date', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makeWritingMonth(db, agency);
    await sentPost(agency, plan.cycle.id, plan.slots[0]!.id);
    await sentPost(agency, plan.cycle.id, plan.slots[1]!.id);
    await factsWaiting(plan.cycle.id, agency);
    for (const cookie of [agency.contentManager.cookie, agency.approver.cookie]) {
      const seen = await movesSeenBy(cookie, agency, plan.cycle.id);
      expect(seen.owner).toBe('client');
      // 7 December 2026 is a Monday: two working days before is Thursday the 3rd.
      expect(seen.waiting).toEqual([
        { kind: 'posts_to_approve', count: 2, due: sentLateDue('2026-12-03') },
        { kind: 'fact_items', count: 1, due: '2026-12-09' },
        { kind: 'fact_follow_ups', count: 1, due: '2026-12-08' },
      ]);
    }
    // Once the client has answered everything and approved the posts, it is the agency's again.
    await db.update(factItems).set({ status: 'accepted' });
    await db.update(posts).set({ status: 'approved' }).where(eq(posts.cycleId, plan.cycle.id));
    const after = await movesSeenBy(agency.contentManager.cookie, agency, plan.cycle.id);
    expect(after.owner).toBe('agency');
    expect(await movesSeenBy(agency.approver.cookie, agency, plan.cycle.id)).toMatchObject({
      owner: 'agency',
    });
  });

  it('[17.1] after the meeting, while the fact request is not sent, it is the agency’s move: send the fact request', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makePlanForMeeting(db, agency);
    await db
      .update(cycles)
      .set({ stage: 'facts', deadlines: { meeting: '2026-11-23', facts: '2026-12-26' } })
      .where(eq(cycles.id, plan.cycle.id));
    await db
      .insert(factRequests)
      .values({ cycleId: plan.cycle.id, clientId: agency.client.id, status: 'draft' });
    const agencySide = await movesSeenBy(agency.contentManager.cookie, agency, plan.cycle.id);
    expect(agencySide.owner).toBe('agency');
    expect(kinds(agencySide.waiting)).toEqual(['send_fact_request']);
    const clientSide = await movesSeenBy(agency.approver.cookie, agency, plan.cycle.id);
    expect(clientSide.owner).toBe('agency');
    // The contact learns the step, not the agency's own deadline for it.
    expect(clientSide.waiting).toEqual([{ kind: 'send_fact_request', count: null, due: null }]);
  });

  it('[17.1] a fire-mode review open is the client’s move, due by the review’s own date, not the stage’s', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makePlanForMeeting(db, agency);
    await db
      .update(cycles)
      .set({ stage: 'meeting', deadlines: { meeting: '2026-12-23' } })
      .where(eq(cycles.id, plan.cycle.id));
    await db.insert(meetings).values({
      cycleId: plan.cycle.id,
      clientId: agency.client.id,
      format: 'async',
      status: 'live',
      startsAt: zonedInstant('2026-12-10', '18:00', 'Europe/Kyiv'),
    });
    for (const cookie of [agency.contentManager.cookie, agency.approver.cookie]) {
      const seen = await movesSeenBy(cookie, agency, plan.cycle.id);
      expect(seen.owner).toBe('client');
      expect(seen.waiting).toEqual([{ kind: 'review', count: null, due: '2026-12-10' }]);
    }
  });

  it('[17.1] a live meeting is the client’s move; a scheduled one is the agency’s to hold; a closed month is nobody’s', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makePlanForMeeting(db, agency);
    const [meeting] = await db
      .insert(meetings)
      .values({
        cycleId: plan.cycle.id,
        clientId: agency.client.id,
        format: 'online',
        startsAt: zonedInstant('2026-11-24', '11:00', 'Europe/Kyiv'),
      })
      .returning();
    const scheduled = await movesSeenBy(agency.approver.cookie, agency, plan.cycle.id);
    expect(scheduled).toMatchObject({
      owner: 'agency',
      waiting: [{ kind: 'hold_meeting', due: '2026-11-24' }],
    });
    await db.update(meetings).set({ status: 'live' }).where(eq(meetings.id, meeting!.id));
    await db.update(cycles).set({ stage: 'meeting' }).where(eq(cycles.id, plan.cycle.id));
    for (const cookie of [agency.contentManager.cookie, agency.approver.cookie]) {
      expect(await movesSeenBy(cookie, agency, plan.cycle.id)).toMatchObject({
        owner: 'client',
        waiting: [{ kind: 'meeting_live', count: null, due: '2026-11-24' }],
      });
    }
    await db.update(cycles).set({ stage: 'closed' }).where(eq(cycles.id, plan.cycle.id));
    for (const cookie of [agency.contentManager.cookie, agency.approver.cookie]) {
      expect(await movesSeenBy(cookie, agency, plan.cycle.id)).toMatchObject({
        owner: 'nobody',
        waiting: [],
      });
    }
  });

  it('[17.1] the agency’s own moves are named for the agency; a contact sees the step without counts, deadlines or overdue marks', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    // Preparation: the plan not shared is the agency's alone, and the card of a contact skips it.
    const preparing = await makeCycle(db, agency, '2026-12');
    const early = await movesSeenBy(agency.contentManager.cookie, agency, preparing.id);
    expect(kinds(early.waiting)).toEqual(['prepare_plan']);
    await db.update(cycles).set({ sharedAt: new Date() }).where(eq(cycles.id, preparing.id));
    expect(kinds((await movesSeenBy(agency.approver.cookie, agency, preparing.id)).waiting)).toEqual([
      'schedule_meeting',
    ]);
    await db.delete(cycles).where(eq(cycles.id, preparing.id));

    // Content, past its (agency's own) deadline: a post being written, one being revised.
    const plan = await makeWritingMonth(db, agency);
    await db
      .update(cycles)
      .set({ deadlines: { content: '2026-11-30' } })
      .where(eq(cycles.id, plan.cycle.id));
    const revised = await sentPost(agency, plan.cycle.id, plan.slots[0]!.id);
    await as(agency.approver.cookie)(endpoints.movePost, {
      params: { postId: revised },
      body: { to: 'changes_requested', revision: 1, note: 'Інше фото' },
    });
    await as(agency.contentManager.cookie)(endpoints.createPost, {
      params: { cycleId: plan.cycle.id },
      body: { slotId: plan.slots[1]!.id },
    });
    const agencySide = await movesSeenBy(agency.contentManager.cookie, agency, plan.cycle.id);
    expect(agencySide.owner).toBe('agency');
    expect(agencySide.waiting).toEqual([
      { kind: 'revise_posts', count: 1, due: '2026-11-30' },
      { kind: 'write_posts', count: 1, due: '2026-11-30' },
    ]);
    expect(agencySide.card.overdue).toBe(true);
    const clientSide = await movesSeenBy(agency.approver.cookie, agency, plan.cycle.id);
    expect(clientSide.owner).toBe('agency');
    // How many drafts are on the agency's desk, and by when it means to finish, are its own.
    expect(clientSide.waiting).toEqual([
      { kind: 'revise_posts', count: null, due: null },
      { kind: 'write_posts', count: null, due: null },
    ]);
    expect(clientSide.card).toMatchObject({ deadline: null, overdue: null });
  });

  it('[17.1] the agency’s card shows the next month being prepared beside the current one; a contact only once it is shared', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makeWritingMonth(db, agency);
    const next = await makeCycle(db, agency, '2027-01');
    const card = async (cookie: string) =>
      (await as(cookie)(endpoints.getClient, { params: { clientId: agency.client.id } })).body.client;
    const forAgency = await card(agency.contentManager.cookie);
    expect(forAgency.currentCycle?.id).toBe(plan.cycle.id);
    expect(forAgency.nextCycle).toMatchObject({ id: next.id, month: '2027-01', owner: 'agency' });
    expect(kinds(forAgency.nextCycle!.waiting)).toEqual(['prepare_plan']);
    expect((await card(agency.approver.cookie)).nextCycle).toBeNull();
    await db.update(cycles).set({ sharedAt: new Date() }).where(eq(cycles.id, next.id));
    expect((await card(agency.approver.cookie)).nextCycle).toMatchObject({ id: next.id, owner: 'agency' });
  });
});

describe('[17.2] the client’s to-do', () => {
  it('[17.2] lists what waits, with the same owner as the cycle; an approver may approve, a contributor is told it waits for the approver', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const contributor = await makeContact(db, agency.client.id, 'contributor');
    const plan = await makeWritingMonth(db, agency);
    const postId = await sentPost(agency, plan.cycle.id, plan.slots[0]!.id);
    await factsWaiting(plan.cycle.id, agency);

    const approverTodo = (await as(agency.approver.cookie)(endpoints.getTodo, {})).body.clients;
    expect(approverTodo.map((c) => c.clientId)).toEqual([agency.client.id]);
    const mine = approverTodo[0]!;
    const cycle = await movesSeenBy(agency.approver.cookie, agency, plan.cycle.id);
    expect(mine.months).toEqual([
      { cycleId: plan.cycle.id, month: '2026-12', owner: 'client', waiting: cycle.waiting },
    ]);
    expect(mine.posts).toEqual([
      expect.objectContaining({
        postId,
        due: sentLateDue('2026-12-03'),
        revision: 1,
        openComments: 0,
        canApprove: true,
      }),
    ]);
    expect(mine.factItems.map((i) => [i.question, i.followUp])).toEqual([
      ['Посилання на магазин', true],
      ['Ціна за 250 г', false],
    ]);
    expect(mine.posts.length).toBe(cycle.waiting.find((w) => w.kind === 'posts_to_approve')!.count);

    const theirs = (await as(contributor.cookie)(endpoints.getTodo, {})).body.clients[0]!;
    expect(theirs.role).toBe('contributor');
    expect(theirs.posts.map((p) => [p.postId, p.canApprove])).toEqual([[postId, false]]);

    // The agency's members are nobody's contacts: nothing to do here.
    expect((await as(agency.contentManager.cookie)(endpoints.getTodo, {})).body.clients).toEqual([]);

    // Approved and answered: the to-do is empty and the move is the agency's, on both sides.
    await as(agency.approver.cookie)(endpoints.approvePosts, {
      params: { cycleId: plan.cycle.id },
      body: { posts: [{ postId, revision: 1 }] },
    });
    await db.update(factItems).set({ status: 'accepted' });
    const emptied = (await as(agency.approver.cookie)(endpoints.getTodo, {})).body.clients[0]!;
    expect(emptied).toMatchObject({ posts: [], factItems: [], review: null });
    expect(emptied.months[0]!.owner).toBe('agency');
    expect((await movesSeenBy(agency.contentManager.cookie, agency, plan.cycle.id)).owner).toBe('agency');
  });

  it('[17.2] a session opened from a scoped link does not reach the to-do (404)', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makeWritingMonth(db, agency);
    const token = await issueLink(db, {
      userId: agency.approver.id,
      clientId: agency.client.id,
      kind: 'review',
      subjectId: plan.cycle.id,
    });
    await sentPost(agency, plan.cycle.id, plan.slots[0]!.id);
    const opened = await api(t.app, endpoints.openLink, { body: { token } });
    expect(opened.status).toBe(200);
    const todo = await api(t.app, endpoints.getTodo, { cookie: opened.cookie! });
    expect(todo.status).toBe(404);
  });
});

describe('[17.5] bulk approval asks about open comments', () => {
  it('[17.5] refuses to approve posts with open comments, naming them, until the approver confirms', async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const plan = await makeWritingMonth(db, agency);
    const commented = await sentPost(agency, plan.cycle.id, plan.slots[0]!.id);
    const clean = await sentPost(agency, plan.cycle.id, plan.slots[1]!.id);
    const client = as(agency.approver.cookie);
    const comment = await client(endpoints.createPostComment, {
      params: { postId: commented },
      body: { revision: 1, body: 'Чи точно ціна 420 грн?' },
    });
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    const body = {
      posts: [
        { postId: commented, revision: 1 },
        { postId: clean, revision: 1 },
      ],
    };
    const refused = await client(endpoints.approvePosts, { params: { cycleId: plan.cycle.id }, body });
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'open_comments', fields: { [commented]: '1' } });
    // Nothing was approved: not even the post without comments.
    const statuses = await db
      .select({ status: posts.status })
      .from(posts)
      .where(eq(posts.cycleId, plan.cycle.id));
    expect(statuses.map((s) => s.status)).toEqual(['client_review', 'client_review']);

    // The approver was shown one comment on the first post, and the client added another since:
    // confirming what they saw does not approve what they did not.
    const second = await client(endpoints.createPostComment, {
      params: { postId: commented },
      body: { revision: 1, body: 'І фото з цього ракурсу?' },
    });
    expect(second.status).toBe(201);
    const stale = await client(endpoints.approvePosts, {
      params: { cycleId: plan.cycle.id },
      body: { posts: [{ ...body.posts[0]!, openComments: 1 }, body.posts[1]!] },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale)).toMatchObject({ code: 'open_comments', fields: { [commented]: '2' } });

    const confirmed = await client(endpoints.approvePosts, {
      params: { cycleId: plan.cycle.id },
      body: { posts: [{ ...body.posts[0]!, openComments: 2 }, body.posts[1]!] },
    });
    expect(confirmed.body.results.map((r) => r.outcome)).toEqual(['approved', 'approved']);
  });
});
